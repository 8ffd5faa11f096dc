# briefing-bot in a container: built in one stage, run from the compiled JavaScript in a slim second one.
# docker build -t briefing-bot . && docker run --env-file .env -p 3000:3000 -v briefing-state:/data/state briefing-bot
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production \
    STATE_DIR=/data/state \
    KNOWLEDGE_DIR=/data/knowledge \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The shipped article seeds the knowledge volume the first time it is mounted empty.
COPY knowledge /data/knowledge
RUN mkdir -p /data/state && chown -R node:node /data
USER node
VOLUME ["/data/state", "/data/knowledge"]
EXPOSE 3000
# HTTP mode answers /healthz; in Socket Mode there is no port to ask (run with --no-healthcheck).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node itself is PID 1, so SIGTERM from the runtime reaches the bot, which finishes its replies.
CMD ["node", "dist/main.js"]
