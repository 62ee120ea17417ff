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

// Upvotes: a vote form goes to the JSON API instead, and every button for the paper shows the
// answer without a reload. Should the API refuse (too many votes, a stale session), the form is
// sent the ordinary way, whose page says why.
(function () {
  'use strict';
  function show(state) {
    document.querySelectorAll('form.upvote[data-paper]').forEach(function (form) {
      if (form.getAttribute('data-paper') !== state.paperId) {
        return;
      }
      var button = form.querySelector('button');
      button.setAttribute('aria-pressed', state.upvoted ? 'true' : 'false');
      button.setAttribute('title', state.upvoted ? 'Withdraw your upvote' : 'Upvote');
      form.querySelector('.upvote-count').textContent = String(state.upvotes);
      form.querySelector('input[name="vote"]').value = state.upvoted ? 'withdraw' : 'up';
    });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('form.upvote[data-api]') || !window.fetch) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector('button');
    if (button.disabled) {
      return;
    }
    var upvote = form.querySelector('input[name="vote"]').value !== 'withdraw';
    var headers = Object.assign({ Accept: 'application/json' }, window.paperboy.csrfHeaders());
    button.disabled = true;
    fetch(form.getAttribute('data-api'), { method: upvote ? 'POST' : 'DELETE', headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('vote refused: ' + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        button.disabled = false;
        show(state);
      })
      .catch(function () {
        button.disabled = false;
        form.submit();
      });
  });
})();

// Copy buttons: a button marked data-copy="#id" copies that element's text (the BibTeX of a paper
// page). Without JavaScript the button stays hidden and the text is there to select.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.textContent;
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error('no clipboard'));
      copied.then(function () {
        button.textContent = 'Copied';
      }, function () {
        // no clipboard (a page over plain HTTP): select the text, for the reader to copy
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      });
      setTimeout(function () {
        button.textContent = label;
      }, 2000);
    });
  });
})();
