/**
 * A function that outlived its time limit shows the same code in both builds: the weapp build's
 * `Taro.cloud.callFunction` rejects with `errCode -504003`, the h5 build's local cloud answers HTTP
 * 504 `{errCode: -504003}` — both become CloudError('TIMEOUT'); other transport failures NETWORK.
 */
import { CloudError, ERROR_TEXT, transportErrorCode } from '../src/services/errors';

const TIMEOUT_REPLY = { errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 15 seconds' };

jest.mock('../src/services/persona', () => ({ currentOpenid: () => 'o_cust_1' }));
const mockCallFunction = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { init: jest.fn(), callFunction: (...a: unknown[]) => mockCallFunction(...a) } } }), { virtual: true });

describe('transport failures', () => {
  it('maps the platform timeout to TIMEOUT, anything else to NETWORK; TIMEOUT has its own text', () => {
    expect(transportErrorCode(TIMEOUT_REPLY)).toBe('TIMEOUT');
    expect(transportErrorCode(new Error('socket hang up'))).toBe('NETWORK');
    expect(transportErrorCode({ errCode: -1, errMsg: 'x' })).toBe('NETWORK');
    expect(ERROR_TEXT.TIMEOUT).toBeTruthy();
    expect(new CloudError('TIMEOUT').message).toBe(ERROR_TEXT.TIMEOUT);
  });

  it('h5: an HTTP 504 {errCode: -504003} from the local cloud is TIMEOUT (not INTERNAL)', async () => {
    const { postFunction } = await import('../src/services/cloud-h5');
    const fetchMock = jest.fn().mockResolvedValue({ status: 504, json: async () => TIMEOUT_REPLY });
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    await expect(postFunction('order', { action: 'pay', orderId: 'o1' })).rejects.toMatchObject({ code: 'TIMEOUT' });
    fetchMock.mockResolvedValue({ status: 200, json: async () => ({ ok: true, data: 1 }) });
    await expect(postFunction('order', { action: 'get', orderId: 'o1' })).resolves.toEqual({ ok: true, data: 1 });
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(postFunction('order', { action: 'get', orderId: 'o1' })).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('weapp: callFunction rejecting with errCode -504003 is TIMEOUT, the same as h5', async () => {
    process.env.TARO_ENV = 'weapp';
    (globalThis as { CLOUD_ENV?: string }).CLOUD_ENV = 'test-env';
    const { callCloud } = await import('../src/services/cloud');
    mockCallFunction.mockRejectedValue(TIMEOUT_REPLY);
    await expect(callCloud('order', 'get', { orderId: 'o1' })).rejects.toMatchObject({ code: 'TIMEOUT' });
    mockCallFunction.mockRejectedValue({ errCode: -404011, errMsg: 'cloud.callFunction:fail network' });
    await expect(callCloud('order', 'get', { orderId: 'o1' })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
