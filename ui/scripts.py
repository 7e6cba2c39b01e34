"""The page's own JavaScript: copying, downloads, leading a marker to its card, and the address bar.

`PAGE_JS` runs once when the page loads (``launch(js=...)``) and defines
``window.minutes``; the components' ``js_on_load`` snippets call it when
something is clicked. None of it builds markup from text: it copies, moves
and highlights what the server already rendered (escaped).
"""

PAGE_JS = r"""
() => {
  const copyText = async (text) => {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const area = document.createElement('textarea');  // plain http beyond localhost has no clipboard API
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select(); document.execCommand('copy'); area.remove();
  };
  const flash = (button, label) => {
    const before = button.dataset.label || button.textContent;
    button.dataset.label = before; button.textContent = label;
    setTimeout(() => { button.textContent = before; }, 1600);
  };
  const light = (card) => {
    if (!card) return;
    document.querySelectorAll('.m-card.m-lit').forEach((c) => c.classList.remove('m-lit'));
    card.classList.add('m-lit');
    card.scrollIntoView({block: 'center', behavior: 'smooth'});
  };
  const setLink = (query) => {
    const next = location.pathname + (query || '');
    if (next !== location.pathname + location.search) history.replaceState(null, '', next);
  };
  const download = (name, text, type) => {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const link = document.createElement('a');
    link.href = url; link.download = name; document.body.appendChild(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button.m-copy');
    if (!button) return;
    const scope = button.closest('.m-copyscope');
    const source = scope && scope.querySelector('.m-copytext');
    if (!source) return;
    copyText(source.textContent).then(() => flash(button, 'Copied ✓'), () => flash(button, 'Copy failed'));
  });
  window.minutes = {copyText, light, setLink, download};
}
"""

# The conversation: examples, markers, selecting an answer, its cards' buttons, and the address bar.
CHAT_JS = r"""
const select = (bubble) => {
  element.querySelectorAll('.m-a.m-selected').forEach((b) => {
    b.classList.remove('m-selected'); b.setAttribute('aria-pressed', 'false'); });
  bubble.classList.add('m-selected'); bubble.setAttribute('aria-pressed', 'true');
  window.minutes?.setLink(bubble.dataset.link);
};
const panelFor = (answer) => document.querySelector(`#sources .m-sources[data-answer="${answer}"]`);
const showSource = (marker) => {
  const answer = marker.dataset.answer, number = marker.dataset.number;
  const turn = marker.closest('.m-turn');
  const inline = turn.querySelector('details.m-inline-sources');
  if (inline && getComputedStyle(inline).display !== 'none') {  // a phone: the cards are folded under the answer
    inline.open = true;
    window.minutes.light(inline.querySelector(`.m-card[data-number="${number}"]`));
    return;
  }
  if (!panelFor(answer)) { select(turn.querySelector('.m-a')); trigger('choose', {index: Number(answer)}); }
  let tries = 0;
  const go = () => {
    const panel = panelFor(answer);
    if (panel) window.minutes.light(panel.querySelector(`.m-card[data-number="${number}"]`));
    else if (tries++ < 200) setTimeout(go, 25);
  };
  go();
};
element.addEventListener('click', (event) => {
  const example = event.target.closest('button.m-example');
  if (example) { trigger('example', {index: Number(example.dataset.index)}); return; }
  const open = event.target.closest('button.m-open');
  if (open) {
    trigger('open', {answer: Number(open.dataset.answer), number: Number(open.dataset.number), scope: open.dataset.scope});
    return;
  }
  const marker = event.target.closest('a.m-marker');
  if (marker) { event.preventDefault(); showSource(marker); return; }
  if (event.target.closest('button, a, details, pre')) return;
  const bubble = event.target.closest('.m-a[data-answer]');
  if (bubble) { select(bubble); trigger('choose', {index: Number(bubble.dataset.answer)}); }
});
element.addEventListener('keydown', (event) => {
  const bubble = event.target.closest('.m-a[data-answer]');
  if (bubble && event.target === bubble && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault(); select(bubble); trigger('choose', {index: Number(bubble.dataset.answer)});
  }
});
watch('value', () => {
  const turns = element.querySelectorAll('.m-turn');
  const last = turns[turns.length - 1];
  if (last) last.scrollIntoView({block: 'nearest'});
  const chosen = element.querySelector('.m-a.m-selected');
  if (chosen && !element.querySelector('.m-pending')) window.minutes?.setLink(chosen.dataset.link);
});
"""

# The Sources panel: a card's buttons open the item or meeting in the reader.
CARDS_JS = r"""
element.addEventListener('click', (event) => {
  const open = event.target.closest('button.m-open');
  if (open) trigger('open', {answer: Number(open.dataset.answer), number: Number(open.dataset.number), scope: open.dataset.scope});
});
"""

# Bring the reader into view and scroll it (not the page) to the cited item.
READER_JS = r"""
watch('value', () => {
  if (!element.querySelector('.m-reader')) return;
  element.scrollIntoView({block: 'nearest'});
  let box = element;
  while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
  const current = element.querySelector('.m-current');
  if (box && box !== document.documentElement && box !== document.body) {
    const offset = current ? current.getBoundingClientRect().top - box.getBoundingClientRect().top - 40 : -box.scrollTop;
    box.scrollTop += offset;
  }
});
"""

# Filter chips: each chip's × clears that filter.
CHIPS_JS = r"""
element.addEventListener('click', (event) => {
  const chip = event.target.closest('button.m-chip-x');
  if (chip) trigger('remove', {which: chip.dataset.which});
});
"""

# "Export conversation": the Markdown the server rendered into the conversation, as a file.
EXPORT_JS = r"""
() => {
  const text = document.querySelector('#chat .m-export')?.textContent;
  if (text) window.minutes.download('minutes-conversation.md', text, 'text/markdown;charset=utf-8');
}
"""
