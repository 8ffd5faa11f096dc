// Settings: the one reader of the environment (loadConfig checks every variable at once).
export { type Config, ConfigError, loadConfig, loadCoreConfig } from './config.js';
