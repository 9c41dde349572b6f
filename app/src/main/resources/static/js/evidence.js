// The evidence pages: open a case, upload an item with a progress bar, seal and download an
// export, record a hand-over or a legal hold. Every change goes to the evidence API with the
// session and the page's CSRF token; the page reloads to show what the server recorded.
import { csrfHeader, postJson, send } from './console.js';

function showError(target, message) {
  if (!target) return;
  target.textContent = message;
  target.hidden = false;
}

function problemOf(xhr) {
  try {
    const problem = JSON.parse(xhr.responseText);
    const fields = (problem.errors || []).map((e) => `${e.field} ${e.problem}`).join('; ');
    return fields || problem.detail || problem.title || `The server answered ${xhr.status}.`;
  } catch {
    return `The server answered ${xhr.status}.`;
  }
}

function formObject(form) {
  const body = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() !== '') body[name] = value.trim();
  }
  return body;
}

const openCase = document.getElementById('open-case');
if (openCase) {
  openCase.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await postJson('/api/v1/cases', formObject(openCase));
      window.location.assign(`/evidence/cases/${created.id}`);
    } catch (error) {
      showError(openCase.parentElement.querySelector('[data-error]'), error.message);
    }
  });
}

const casePage = document.getElementById('evidence-case');
if (casePage) {
  const caseId = casePage.dataset.caseId;
  const caseError = casePage.querySelector('[data-error="case"]');
  document.getElementById('case-status').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await send('PUT', `/api/v1/cases/${caseId}/status`, { json: formObject(event.target) });
      window.location.reload();
    } catch (error) {
      showError(caseError, error.message);
    }
  });
  document.getElementById('add-member').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await postJson(`/api/v1/cases/${caseId}/members`, formObject(event.target));
      window.location.reload();
    } catch (error) {
      showError(caseError, error.message);
    }
  });
  const upload = document.getElementById('upload-item');
  const uploadProgress = document.getElementById('upload-progress');
  const uploadStatus = casePage.querySelector('[data-status="upload"]');
  const uploadError = casePage.querySelector('[data-error="upload"]');

  upload.addEventListener('submit', (event) => {
    event.preventDefault();
    uploadError.hidden = true;
    const data = new FormData();
    // metadata first, the file last: the server stores the content as it streams in
    for (const [name, value] of new FormData(upload).entries()) {
      if (name !== 'file' && typeof value === 'string' && value.trim() !== '') data.append(name, value.trim());
    }
    const file = upload.elements.file.files[0];
    if (!file) return;
    data.append('file', file, file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/cases/${caseId}/items`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [header, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(header, value);
    xhr.upload.addEventListener('progress', (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.round((progress.loaded / progress.total) * 100);
      uploadProgress.value = percent;
      uploadStatus.textContent = percent < 100 ? `Uploading… ${percent}%` : 'Hashing and sealing on the server…';
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) {
        const item = JSON.parse(xhr.responseText);
        uploadStatus.textContent = `Stored: SHA-256 ${item.sha256}, ${item.mediaType}.`;
        window.location.reload();
      } else {
        uploadProgress.hidden = true;
        uploadStatus.textContent = '';
        showError(uploadError, problemOf(xhr));
      }
    });
    xhr.addEventListener('error', () => showError(uploadError, 'The upload was interrupted; nothing was stored.'));
    uploadProgress.hidden = false;
    uploadProgress.value = 0;
    xhr.send(data);
  });

  const exportForm = document.getElementById('export-case');
  const exportProgress = document.getElementById('export-progress');
  const exportStatus = casePage.querySelector('[data-status="export"]');
  const exportError = casePage.querySelector('[data-error="export"]');

  exportForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    exportError.hidden = true;
    exportProgress.hidden = false;
    exportProgress.removeAttribute('value'); // indeterminate while the server seals the bundle
    exportStatus.textContent = 'Sealing the bundle…';
    let bundle;
    try {
      bundle = await postJson(`/api/v1/cases/${caseId}/export`, formObject(exportForm));
    } catch (error) {
      exportProgress.hidden = true;
      exportStatus.textContent = '';
      showError(exportError, error.message);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('GET', bundle.download);
    xhr.responseType = 'blob';
    xhr.addEventListener('progress', (progress) => {
      if (!progress.lengthComputable) return;
      exportProgress.max = 100;
      exportProgress.value = Math.round((progress.loaded / progress.total) * 100);
      exportStatus.textContent = `Downloading… ${exportProgress.value}%`;
    });
    xhr.addEventListener('load', () => {
      if (xhr.status !== 200) {
        showError(exportError, `The download failed (${xhr.status}).`);
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(xhr.response);
      link.download = `evidence-${bundle.id}.zip`;
      document.body.append(link);
      link.click();
      link.remove();
      exportStatus.textContent = `Sealed and downloaded: bundle ${bundle.id}, SHA-256 ${bundle.sha256}. `
        + 'Verify it with the evidence verifier and the public key (/api/v1/evidence/public-key).';
    });
    xhr.send();
  });
}

const itemPage = document.getElementById('evidence-item');
if (itemPage) {
  const itemId = itemPage.dataset.itemId;
  const error = itemPage.querySelector('[data-error]');
  const handOver = document.getElementById('hand-over');
  handOver?.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await postJson(`/api/v1/evidence/${itemId}/handovers`, formObject(handOver));
      window.location.reload();
    } catch (e) {
      showError(error, e.message);
    }
  });
  const hold = document.getElementById('legal-hold');
  hold?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const path = hold.dataset.held === 'true' ? `/api/v1/evidence/${itemId}/legal-hold/lift` : `/api/v1/evidence/${itemId}/legal-hold`;
    try {
      await postJson(path, formObject(hold));
      window.location.reload();
    } catch (e) {
      showError(error, e.message);
    }
  });
}
