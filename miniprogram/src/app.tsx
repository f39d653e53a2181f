import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { captureShare } from './services/share';
import './app.css';

type LaunchOptions = { query?: Record<string, string | undefined> };

/** App shell: cloud init (weapp) and the share id from launch/show options (card or QR). */
function App({ children }: PropsWithChildren) {
  useLaunch((options: LaunchOptions) => {
    initCloud();
    captureShare(options?.query);
  });
  useDidShow((options?: LaunchOptions) => {
    captureShare(options?.query);
  });
  return children;
}
export default App;
