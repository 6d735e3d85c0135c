// Signs the documentation page's requests as the node expects (docs/api.md, Authentication):
// Ed25519 over "DTENGE-REQUEST-1\nMETHOD\npath?query\ntimestamp\nnonce\nhex(sha256(body))".
const DtengeSigning = (() => {
  const encoder = new TextEncoder();

  const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

  function der(pem) {
    const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  }

  async function key() {
    const pem = sessionStorage.getItem('dtenge.key');
    return pem ? crypto.subtle.importKey('pkcs8', der(pem), { name: 'Ed25519' }, false, ['sign']) : null;
  }

  async function sign(request) {
    const participant = sessionStorage.getItem('dtenge.participant');
    const privateKey = await key();
    if (!participant || !privateKey || request.url.endsWith('/openapi.yaml')) {
      return request;
    }
    const url = new URL(request.url, window.location.href);
    const body = request.body == null ? '' : (typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
    request.body = body === '' ? undefined : body;
    const hash = hex(await crypto.subtle.digest('SHA-256', encoder.encode(body)));
    const timestamp = Date.now().toString();
    const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const canonical = ['DTENGE-REQUEST-1', request.method.toUpperCase(), url.pathname + url.search, timestamp, nonce, hash].join('\n');
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, encoder.encode(canonical));
    request.headers['Dtenge-Participant'] = participant;
    request.headers['Dtenge-Timestamp'] = timestamp;
    request.headers['Dtenge-Nonce'] = nonce;
    request.headers['Dtenge-Signature'] = base64url(signature);
    return request;
  }

  function bind(participant, keyArea, use, forget, state) {
    const show = () => {
      const who = sessionStorage.getItem('dtenge.participant');
      state.textContent = who ? 'signing as ' + who : 'not signing: requests other than health and metrics will get 401';
    };
    use.onclick = async () => {
      try {
        sessionStorage.setItem('dtenge.participant', participant.value.trim());
        sessionStorage.setItem('dtenge.key', keyArea.value.trim());
        await key();
        keyArea.value = '';
        show();
      } catch (e) {
        sessionStorage.removeItem('dtenge.key');
        state.textContent = 'that key cannot be used: ' + e;
      }
    };
    forget.onclick = () => {
      sessionStorage.removeItem('dtenge.participant');
      sessionStorage.removeItem('dtenge.key');
      show();
    };
    show();
  }

  return { sign, bind };
})();
