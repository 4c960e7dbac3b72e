/*
 * Lilong map page: the one global namespace, and a record of uncaught errors.
 * Loaded before everything else (in <head>) so that the browser test can read window.lilongErrors
 * and find every script error, including those thrown while the other scripts load.
 */
(function () {
  'use strict';
  window.Lilong = window.Lilong || {};
  window.lilongReady = false;
  window.lilongErrors = [];
  /** Images or scripts that failed to load (e.g. basemap tiles when offline): not script errors. */
  window.lilongResourceErrors = [];

  window.addEventListener('error', function (event) {
    if (event instanceof ErrorEvent) {
      window.lilongErrors.push(String(event.message || event.error || 'error'));
    } else {
      const target = event.target;
      window.lilongResourceErrors.push(String((target && (target.src || target.href)) || 'resource'));
    }
  }, true);   // capture: resource errors don't bubble

  window.addEventListener('unhandledrejection', function (event) {
    const reason = event.reason;
    window.lilongErrors.push('unhandled rejection: ' + (reason && reason.message ? reason.message : String(reason)));
  });
})();
