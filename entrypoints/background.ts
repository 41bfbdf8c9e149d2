export default defineBackground(() => {
  // The scan, login, alarms and notifications are registered here as they are built.
});
