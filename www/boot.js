// Starts the checker before the page lays itself out. A worker's thread can start only while
// the page's main thread is free, and the page's first layout and app.js keep that thread
// busy for ~90 ms; made here, in <head>, the worker fetches, compiles and instantiates the
// module beside them. Its first request goes with it: the draft kept from last time, else
// the empty sheet. app.js takes the worker, this request and any answers already in over.
'use strict';
/** Characters of a draft sent in the worker's name; a longer one is posted. */
const NAMED_TEXT_MAX = 256 * 1024;
(() => {
  const madeAt = performance.now();
  // The keys app.js keeps the language, the profile and the draft under.
  const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
  const lang = stored('jixiao.lang') || 'zh';
  const profile = stored('jixiao.profile') || 'auto';
  const draft = stored('jixiao.draft.v2');
  // A draft too large for localStorage is in IndexedDB: app.js reads it and asks itself.
  const inIndexedDb = !draft && stored('jixiao.draft.v2.idb') != null;
  const first = inIndexedDb ? null : draft
    ? { id: 1, type: 'load', text: draft, lang, profile }
    : { id: 1, type: 'check', text: '', lang, profile };
  // The request rides in the worker's name: posted, it would wait for this page's main
  // thread to hand it on once the worker runs, and the page is being laid out just then
  // (it came 13 ms after the module was ready). A long draft is posted all the same.
  const named = first && first.text.length <= NAMED_TEXT_MAX;
  const options = named ? { name: JSON.stringify(first) } : {};
  // The page carries the worker inline, just above this script (www/build.mjs).
  const inline = document.getElementById('jixiao-worker');
  let worker;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' })), options);
  } catch {
    return; // app.js makes it again and shows what fails
  }
  const early = [];
  worker.onmessage = (e) => early.push(e);
  if (first && !named) worker.postMessage(first);
  window.jixiaoBoot = { worker, madeAt, early, first };
})();
