// The report was received: the draft the reporting page kept on this phone is no longer needed.
(function () {
  'use strict';
  try {
    Object.keys(localStorage).forEach(function (key) {
      if (key.indexOf('chengguan.reportDraft:') === 0) { localStorage.removeItem(key); }
    });
  } catch (e) { /* private browsing: nothing was kept */ }
})();
