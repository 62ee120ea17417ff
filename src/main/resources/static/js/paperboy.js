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

// Library: the save, "not interested" and follow forms go to the JSON API instead. A save shows on
// every button for the paper; "not interested" hides the paper's card; a follow turns its button.
// Should the API refuse, the form is sent the ordinary way, whose page says why.
(function () {
  'use strict';
  function showSaved(state) {
    document.querySelectorAll('form.save[data-paper]').forEach(function (form) {
      if (form.getAttribute('data-paper') !== state.paperId) {
        return;
      }
      var button = form.querySelector('button');
      button.setAttribute('aria-pressed', state.saved ? 'true' : 'false');
      button.setAttribute('title', state.saved ? 'Take out of your library' : 'Save to your library');
      button.textContent = state.saved ? 'Saved' : 'Save';
      form.querySelector('input[name="save"]').value = state.saved ? 'remove' : 'add';
    });
  }
  function send(form, method, then) {
    var button = form.querySelector('button');
    if (button.disabled) {
      return;
    }
    var headers = Object.assign({ Accept: 'application/json' }, window.paperboy.csrfHeaders());
    button.disabled = true;
    fetch(form.getAttribute('data-api'), { method: method, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('refused: ' + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        button.disabled = false;
        then(state);
      })
      .catch(function () {
        button.disabled = false;
        form.submit();
      });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('form[data-api]') || !window.fetch) {
      return;
    }
    if (form.matches('form.save')) {
      event.preventDefault();
      send(form, form.querySelector('input[name="save"]').value === 'remove' ? 'DELETE' : 'POST', showSaved);
    }
    else if (form.matches('form.not-interested')) {
      event.preventDefault();
      send(form, 'POST', function () {
        var card = form.closest('.card');
        if (card) {
          card.hidden = true;
        }
      });
    }
    else if (form.matches('form.follow')) {
      event.preventDefault();
      var follow = form.querySelector('input[name="follow"]');
      send(form, follow.value === 'remove' ? 'DELETE' : 'POST', function (state) {
        var button = form.querySelector('button');
        button.setAttribute('aria-pressed', state.following ? 'true' : 'false');
        button.textContent = state.following ? 'Following' : 'Follow';
        follow.value = state.following ? 'remove' : 'add';
      });
    }
  });
})();
