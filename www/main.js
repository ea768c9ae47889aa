// The workbench page: the four panels (custom elements, each usable on its
// own in a portal) under tabs, the language toggle and the ready status.
import './panels/assign.js';
import './panels/verify.js';
import './panels/standard.js';
import './panels/score.js';
import { core } from './core.js';
import { t, setLang, currentLang } from './i18n.js';

/** WAI-ARIA tabs: click or arrow keys (Home/End too) move between tabs; only the chosen tab is in the tab order. */
function tabs(list) {
  const all = [...list.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = true) => {
    for (const other of all) {
      const chosen = other === tab;
      other.setAttribute('aria-selected', String(chosen));
      other.tabIndex = chosen ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !chosen;
    }
    if (focus) tab.focus();
    history.replaceState(null, '', `#${tab.id.slice(4)}`);
  };
  list.addEventListener('click', (e) => { const tab = e.target.closest('[role="tab"]'); if (tab) select(tab); });
  list.addEventListener('keydown', (e) => {
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(all[(next + all.length) % all.length]);
  });
  const fromHash = all.find((tab) => tab.id === `tab-${location.hash.slice(1)}`);
  if (fromHash) select(fromHash, false);
}

tabs(document.querySelector('[role="tablist"]'));
document.getElementById('lang-toggle').addEventListener('click', () => setLang(currentLang() === 'zh' ? 'en' : 'zh'));
setLang(currentLang());
const status = document.getElementById('status');
core().then((shenguan) => {
  const show = () => { status.textContent = `shenguan ${shenguan.version()} ${t('ready')}`; };
  status.removeAttribute('data-i18n');
  show();
  status.dataset.ready = 'true';
  document.addEventListener('shenguan-lang', show);
}, (err) => {
  status.textContent = `${t('failed')}: ${err.message}`;
});
