import Taro from '@tarojs/taro';
import type { ExportFile } from '../../services/api';

/**
 * Gets an exported CSV to the person. h5: the browser downloads the temporary URL. weapp: the file
 * is downloaded to the phone and opened (`openDocument` shows it, with the menu to send it on or
 * open it in WPS/Excel); where the phone cannot show a CSV, it is offered to send to a chat
 * (`shareFileMessage`), and the link is copied as the last resort.
 */
export async function deliverExport(file: ExportFile): Promise<'downloaded' | 'opened' | 'shared' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = file.url;
    a.download = file.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return 'downloaded';
  }
  const { tempFilePath } = await Taro.downloadFile({ url: file.url });
  try {
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true } as Parameters<typeof Taro.openDocument>[0]);
    return 'opened';
  } catch {
    try {
      await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.fileName });
      return 'shared';
    } catch {
      await Taro.setClipboardData({ data: file.url });
      return 'copied';
    }
  }
}
