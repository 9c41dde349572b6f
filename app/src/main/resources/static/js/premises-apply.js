// The partner portal's application form: fills the categories from the public partners API, sends the
// application, and says in words what was received or what to correct.
import { publicCall } from './portal-api.js';

const form = document.getElementById('apply');
const message = document.getElementById('apply-message');
const category = document.getElementById('category');

function say(text, kind) {
  message.textContent = text;
  message.className = 'notice' + (kind ? ' notice-' + kind : '');
  message.hidden = false;
}

async function loadCategories() {
  const requirements = await publicCall('/api/public/premises/categories');
  const names = new Map();
  for (const r of requirements) names.set(r.category, r.name);
  for (const [code, name] of names) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    category.append(option);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = {};
  for (const [key, value] of data.entries()) {
    if (String(value).trim() !== '') body[key] = String(value).trim();
  }
  for (const key of ['lat', 'lon']) {
    if (body[key] !== undefined) body[key] = Number(body[key]);
  }
  try {
    const answer = await publicCall('/api/public/premises/applications', { method: 'POST', body });
    form.hidden = true;
    say(answer.message, 'ok');
  } catch (e) {
    say(e.message, 'error');
  }
});

loadCategories().catch((e) => say(e.message, 'error'));
