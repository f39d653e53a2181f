// Ops console for the local cloud. Plain browser JS, no build step.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const state = { collection: null, docId: null, isNew: false };
  const WHO_KEY = 'linkshelf.console.openid';
  const STAFF = ['ops', 'boss'];

  // Who is at the console: an ops or boss persona, sent as x-wx-openid on every console call.
  function signedIn() {
    return localStorage.getItem(WHO_KEY) || '';
  }

  async function api(path, options) {
    const init = Object.assign({}, options || {});
    init.headers = Object.assign({}, init.headers || {}, { 'x-wx-openid': signedIn() });
    const res = await fetch('/_emulator/console/' + path, init);
    const body = await res.json().catch(() => ({}));
    if (res.status === 401 || res.status === 403) {
      localStorage.removeItem(WHO_KEY);
      showSignIn(body.error || '请先登录');
    }
    return { status: res.status, body };
  }

  async function whoami(openid) {
    const res = await fetch('/_emulator/console/whoami', { headers: { 'x-wx-openid': openid } });
    return { status: res.status, body: await res.json().catch(() => ({})) };
  }

  async function showSignIn(message) {
    const dialog = $('signin');
    $('signin-status').textContent = message || '';
    const personas = await (await fetch('/_emulator/personas')).json().catch(() => []);
    const ul = $('signin-personas');
    ul.textContent = '';
    for (const p of personas.filter((x) => STAFF.includes(x.role))) {
      const li = document.createElement('li');
      li.dataset.openid = p.openid;
      li.dataset.testid = 'console-signin-' + p.openid;
      li.textContent = (p.role === 'boss' ? '老板 · ' : '运营 · ') + p.name + ' (' + p.openid + ')';
      li.addEventListener('click', () => signIn(p.openid));
      ul.appendChild(li);
    }
    if (!dialog.open) dialog.showModal();
  }

  async function signIn(openid) {
    const { status, body } = await whoami(openid);
    if (status !== 200) return showSignIn(body.error || '登录失败');
    localStorage.setItem(WHO_KEY, openid);
    $('signin').close();
    $('who').textContent = body.name + '（' + (body.role === 'boss' ? '老板' : '运营') + '）';
    await loadCollections();
  }

  function setStatus(text, kind) {
    const el = $('status');
    el.textContent = text;
    el.className = kind || '';
  }

  function showProblems(problems) {
    const ul = $('problems');
    ul.textContent = '';
    for (const p of problems || []) {
      const li = document.createElement('li');
      li.textContent = '✗ ' + p;
      ul.appendChild(li);
    }
  }

  function enableEditor(on) {
    for (const id of ['validate-btn', 'save', 'save-force']) $(id).disabled = !on;
    $('delete-btn').disabled = !on || state.isNew;
  }

  async function loadCollections() {
    const { body } = await api('collections');
    const ul = $('collections');
    ul.textContent = '';
    for (const c of body.collections) {
      const li = document.createElement('li');
      li.dataset.collection = c.name;
      if (c.ops) li.classList.add('ops');
      if (c.name === state.collection) li.classList.add('active');
      const name = document.createElement('span');
      name.textContent = c.name;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(c.count);
      li.append(name, count);
      li.addEventListener('click', () => openCollection(c.name));
      ul.appendChild(li);
    }
  }

  async function openCollection(name) {
    state.collection = name;
    state.docId = null;
    $('docs-title').textContent = name;
    $('new-btn').disabled = false;
    for (const li of document.querySelectorAll('#collections li')) li.classList.toggle('active', li.dataset.collection === name);
    const { body } = await api('docs/' + encodeURIComponent(name) + '?limit=200');
    const ul = $('docs');
    ul.textContent = '';
    for (const d of body.docs || []) {
      const li = document.createElement('li');
      li.dataset.docId = d.id;
      const label = document.createElement('span');
      label.textContent = d.id + (d.title ? ' · ' + d.title : '') + (d.status ? ' [' + d.status + ']' : '');
      li.appendChild(label);
      if (d.problems.length) {
        const bad = document.createElement('span');
        bad.className = 'bad';
        bad.title = d.problems.join('\n');
        bad.textContent = '⚠ ' + d.problems.length;
        li.appendChild(bad);
      }
      li.addEventListener('click', () => openDoc(d.id));
      ul.appendChild(li);
    }
  }

  async function openDoc(id) {
    const { status, body } = await api('docs/' + encodeURIComponent(state.collection) + '/' + encodeURIComponent(id));
    if (status !== 200) return setStatus(body.error || '读取失败', 'err');
    state.docId = id;
    state.isNew = false;
    $('editor-title').textContent = state.collection + ' / ' + id;
    $('editor').value = body.text;
    for (const li of document.querySelectorAll('#docs li')) li.classList.toggle('active', li.dataset.docId === id);
    enableEditor(true);
    showProblems(body.problems);
    setStatus(body.problems.length ? '该文档未通过校验：云函数会跳过它并在促销健康检查中报告' : '校验通过', body.problems.length ? 'err' : 'ok');
  }

  async function newFromTemplate() {
    const { body } = await api('template/' + encodeURIComponent(state.collection));
    state.docId = null;
    state.isNew = true;
    $('editor-title').textContent = state.collection + ' / 新文档';
    $('editor').value = body.text;
    enableEditor(true);
    showProblems(body.problems);
    setStatus('模板已填入，修改后保存', '');
  }

  async function save(force) {
    const text = $('editor').value;
    const path = 'docs/' + encodeURIComponent(state.collection) + (state.isNew ? '' : '/' + encodeURIComponent(state.docId)) + (force ? '?force=1' : '');
    const { status, body } = await api(path, { method: state.isNew ? 'POST' : 'PUT', headers: { 'content-type': 'application/json' }, body: text });
    if (status === 422) {
      showProblems(body.problems);
      return setStatus('未保存：有 ' + body.problems.length + ' 个问题（可点“仍然保存”）', 'err');
    }
    if (status !== 200) return setStatus(body.error || '保存失败', 'err');
    showProblems(body.problems);
    setStatus(body.problems.length ? '已保存（含问题，云函数会跳过该文档）' : '已保存', body.problems.length ? 'err' : 'ok');
    state.isNew = false;
    state.docId = body.id;
    await loadCollections();
    await openCollection(state.collection);
    await openDoc(body.id);
  }

  async function validate() {
    // Validation runs server-side with the functions' own schemas: a dry run of save.
    const text = $('editor').value;
    try {
      JSON.parse(text);
    } catch (e) {
      return setStatus('JSON 格式错误：' + e.message, 'err');
    }
    const { status, body } = await api('validate/' + encodeURIComponent(state.collection), { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    if (status !== 200) return setStatus(body.error || '校验失败', 'err');
    showProblems(body.problems);
    setStatus(body.problems.length ? '有 ' + body.problems.length + ' 个问题' : '校验通过', body.problems.length ? 'err' : 'ok');
  }

  async function remove() {
    if (!state.docId || !confirm('删除 ' + state.collection + '/' + state.docId + '？')) return;
    await api('docs/' + encodeURIComponent(state.collection) + '/' + encodeURIComponent(state.docId), { method: 'DELETE' });
    $('editor').value = '';
    enableEditor(false);
    setStatus('已删除', 'ok');
    await loadCollections();
    await openCollection(state.collection);
  }

  async function health() {
    const res = await fetch('/functions/admin', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': signedIn() }, body: JSON.stringify({ action: 'promotionHealth' }) });
    const env = await res.json().catch(() => null);
    const box = $('health-body');
    box.textContent = '';
    if (!env || !env.ok) {
      box.textContent = '调用失败：' + (env && env.error ? env.error.code + ' ' + env.error.message : res.status);
    } else {
      const rows = Array.isArray(env.data) ? env.data : env.data.problems || env.data.items || [];
      if (!rows.length) box.textContent = '全部促销文档均通过校验 ✓';
      else {
        const table = document.createElement('table');
        table.innerHTML = '<tr><th>集合</th><th>文档</th><th>问题</th></tr>';
        for (const r of rows) {
          const tr = document.createElement('tr');
          for (const v of [r.collection, r.id, (r.problems || []).join('；')]) {
            const td = document.createElement('td');
            td.textContent = v;
            tr.appendChild(td);
          }
          table.appendChild(tr);
        }
        box.appendChild(table);
      }
    }
    $('health').showModal();
  }

  $('new-btn').addEventListener('click', newFromTemplate);
  $('save').addEventListener('click', () => save(false));
  $('save-force').addEventListener('click', () => save(true));
  $('validate-btn').addEventListener('click', validate);
  $('delete-btn').addEventListener('click', remove);
  $('health-btn').addEventListener('click', health);
  $('switch-btn').addEventListener('click', () => {
    localStorage.removeItem(WHO_KEY);
    showSignIn('');
  });
  $('signin').addEventListener('cancel', (e) => e.preventDefault());
  if (signedIn()) signIn(signedIn());
  else showSignIn('');
})();
