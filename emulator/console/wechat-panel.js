// The WeChat side of the local cloud in the ops console, read-only: WeChat Pay trades, refunds,
// callbacks, the subscribe-message outbox and storage files (GET /_emulator/...).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const yuan = (fen) => '¥' + (Number(fen) / 100).toFixed(2);
  const VIEWS = [
    { key: 'wxpay/trades', name: '微信支付 · 交易', label: (t) => t._id + ' · ' + yuan(t.totalFee) + ' [' + t.state + ']' + (t.refunds.length ? ' · 退款 ' + t.refunds.length : '') },
    { key: 'wxpay/refunds', name: '微信支付 · 退款', label: (r) => r._id + ' · ' + r.outTradeNo + ' · ' + yuan(r.refundFee) + ' [' + r.status + ']' },
    { key: 'wxpay/callbacks', name: '微信支付 · 回调', label: (c) => c._id + ' → ' + c.functionName + ' ×' + c.attempts + ' [' + c.status + ']' },
    { key: 'outbox', name: '订阅消息 · 发件箱', label: (m) => m.touser + ' · ' + m.title + ' · ' + new Date(m.sentAt).toLocaleString() },
    { key: 'storage', name: '云存储 · 文件', label: (f) => f._id + ' · ' + f.size + ' B' + (f.openid ? ' · ' + f.openid : '') },
  ];

  function readOnly(title, value) {
    $('editor-title').textContent = title;
    $('editor').value = JSON.stringify(value, null, 2);
    for (const id of ['validate-btn', 'save', 'save-force', 'delete-btn', 'new-btn']) $(id).disabled = true;
    $('problems').textContent = '';
    $('status').textContent = '只读：由本地云的微信侧维护';
    $('status').className = '';
  }

  async function open(view) {
    for (const li of document.querySelectorAll('#collections li, #wechat-views li')) li.classList.toggle('active', li.dataset.view === view.key);
    $('docs-title').textContent = view.name;
    $('new-btn').disabled = true;
    const rows = await (await fetch('/_emulator/' + view.key)).json();
    const ul = $('docs');
    ul.textContent = '';
    if (!rows.length) {
      const li = document.createElement('li');
      li.textContent = '（空）';
      ul.appendChild(li);
    }
    for (const row of rows) {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = view.label(row);
      li.appendChild(label);
      if (row.tempFileURL) {
        const a = document.createElement('a');
        a.href = row.tempFileURL;
        a.target = '_blank';
        a.textContent = ' 打开';
        li.appendChild(a);
      }
      li.addEventListener('click', () => readOnly(view.name + ' / ' + row._id, row));
      ul.appendChild(li);
    }
  }

  const ul = $('wechat-views');
  for (const view of VIEWS) {
    const li = document.createElement('li');
    li.dataset.view = view.key;
    li.textContent = view.name;
    li.addEventListener('click', () => open(view));
    ul.appendChild(li);
  }
})();
