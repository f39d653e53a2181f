import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePageScroll, useUnload } from '@tarojs/taro';
import { materialApi } from '../services/api';
import { readDepth } from '../utils/read-depth';

/** The page reports at most this often (shared/materials/progress.ts PROGRESS_RULES.reportEveryS). */
const REPORT_EVERY_S = 5;

/**
 * Time on screen and read depth of a visit (a material, product or card page the customer opened):
 * counts the seconds the page is shown, the deepest scroll of `contentSelector`, and reports both
 * every 5 s when they changed, and on leaving the page. Reports are maxima on the server, so a lost
 * or late one changes nothing. Returns the current depth (0–100).
 */
export function useVisitProgress(visitId: string | null | undefined, contentSelector: string): number {
  const seconds = useRef(0);
  const depth = useRef(0);
  const sent = useRef({ seconds: -1, depth: -1 });
  const shown = useRef(true);
  const scrollTop = useRef(0);
  const [shownDepth, setShownDepth] = useState(0);

  const report = () => {
    if (!visitId) return;
    const s = seconds.current;
    const d = depth.current;
    if (s === sent.current.seconds && d === sent.current.depth) return;
    sent.current = { seconds: s, depth: d };
    materialApi.progress(visitId, s, d).catch(() => undefined);
  };

  const measure = (top: number) => {
    Taro.createSelectorQuery()
      .select(contentSelector)
      .boundingClientRect((rect) => {
        const r = Array.isArray(rect) ? rect[0] : rect;
        if (!r) return;
        const viewport = Taro.getSystemInfoSync().windowHeight;
        const d = readDepth(top, viewport, r.height);
        if (d > depth.current) {
          depth.current = d;
          setShownDepth(d);
        }
      })
      .exec();
  };

  useEffect(() => {
    if (!visitId) return undefined;
    // Measured on scrolls and before each report, never at once: until the page's images load,
    // the content is shorter than it will be and would read as deeper than it is.
    const timer = setInterval(() => {
      if (!shown.current) return;
      seconds.current += 1;
      if (seconds.current % REPORT_EVERY_S === REPORT_EVERY_S - 1) measure(scrollTop.current);
      if (seconds.current % REPORT_EVERY_S === 0) report();
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visitId]);

  usePageScroll((e) => {
    scrollTop.current = e.scrollTop;
    measure(e.scrollTop);
  });
  useDidShow(() => {
    shown.current = true;
  });
  useDidHide(() => {
    shown.current = false;
    report();
  });
  useUnload(report);
  return shownDepth;
}
