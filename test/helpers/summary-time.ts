// A SUMMARY_TIME that has just passed in UTC, so a starting bot catches up on today's post at once.

/** The current UTC time as HH:MM (the minute now running, so its post time is already behind us). */
export function summaryTimeNow(): string {
  const now = new Date();
  return `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
}
