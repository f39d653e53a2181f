/**
 * The local cashier: a small page standing in for WeChat's pay sheet. The h5 build opens
 * `/cashier?prepay_id=<id>&return=<path>` with the `package` of the payment parameters; the buttons
 * post `{outTradeNo, outcome}` to /_emulator/cashier, then go back to `return` (a same-site path)
 * with `?payResult=ok|cancel|fail`, as wx.requestPayment's success / fail(cancel) would.
 */
import type { TradeDoc } from './pay-ledger';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only a path on this site may be returned to (no open redirect). */
export function safeReturn(value: string | null): string {
  return value && /^\/(?!\/)/.test(value) ? value : '';
}

export function cashierPage(trade: TradeDoc | undefined, returnTo: string): string {
  if (!trade) return page('收银台', '<p class="err">没有这笔待支付的订单 (ORDERNOTEXIST)</p>');
  const yuan = (trade.totalFee / 100).toFixed(2);
  const payable = trade.state === 'NOTPAY' || trade.state === 'PAYERROR';
  const body = `
    <p class="what">${escape(trade.body)}</p>
    <p class="amount">¥${yuan}</p>
    <p class="meta">商户订单号 ${escape(trade._id)} · 状态 <b id="state">${trade.state}</b></p>
    ${payable ? '' : '<p class="err">这笔订单不能再支付</p>'}
    <div class="buttons">
      <button data-outcome="pay" ${payable ? '' : 'disabled'}>确认支付</button>
      <button data-outcome="fail" ${payable ? '' : 'disabled'}>支付失败</button>
      <button data-outcome="cancel">取消</button>
    </div>
    <p id="result" class="meta"></p>
    <script>
      const outTradeNo = ${JSON.stringify(trade._id)};
      const returnTo = ${JSON.stringify(returnTo)};
      for (const b of document.querySelectorAll('button')) b.addEventListener('click', async () => {
        const outcome = b.dataset.outcome;
        const r = await fetch('/_emulator/cashier', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo, outcome }) });
        const reply = await r.json();
        document.getElementById('state').textContent = reply.tradeState || '';
        document.getElementById('result').textContent = r.ok ? (outcome === 'pay' ? '支付成功' : outcome === 'fail' ? '支付失败' : '已取消') : (reply.error || '');
        if (returnTo) {
          const result = r.ok && outcome === 'pay' ? 'ok' : outcome === 'fail' ? 'fail' : 'cancel';
          location.href = returnTo + (returnTo.includes('?') ? '&' : '?') + 'payResult=' + result;
        }
      });
    </script>`;
  return page('微信支付 · 本地收银台', body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#ededed;display:flex;justify-content:center}
main{background:#fff;margin-top:15vh;padding:24px;border-radius:12px;width:min(360px,90vw);text-align:center}
.amount{font-size:32px;font-weight:600;margin:8px 0}.what{color:#333}.meta{color:#888;font-size:12px}.err{color:#c00}
.buttons{display:flex;flex-direction:column;gap:8px;margin-top:16px}
button{padding:10px;border:0;border-radius:6px;font-size:16px;background:#f2f2f2}button[data-outcome=pay]{background:#07c160;color:#fff}
button:disabled{opacity:.4}</style></head><body><main><h1 style="font-size:16px">${escape(title)}</h1>${body}</main></body></html>`;
}
