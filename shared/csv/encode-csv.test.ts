import { encodeCsv } from './encode-csv';

describe('encodeCsv: CSV that Excel/WPS open with Chinese text', () => {
  it.each([
    ['a BOM, then the header, CRLF after every record', ['a', 'b'], [['1', '2']], '\uFEFFa,b\r\n1,2\r\n'],
    ['Chinese text as it is (UTF-8)', ['商品'], [['西湖龙井 特级']], '\uFEFF商品\r\n西湖龙井 特级\r\n'],
    ['a comma is quoted', ['x'], [['茶, 特级']], '\uFEFFx\r\n"茶, 特级"\r\n'],
    ['a quote is doubled inside quotes', ['x'], [['他说"好"']], '\uFEFFx\r\n"他说""好"""\r\n'],
    ['a line break is quoted', ['x'], [['第一行\n第二行']], '\uFEFFx\r\n"第一行\n第二行"\r\n'],
    ['money in yuan with two decimals', ['m'], [[{ fen: 1990 }], [{ fen: 5 }], [{ fen: -1234 }], [{ fen: 0 }]], '\uFEFFm\r\n19.90\r\n0.05\r\n-12.34\r\n0.00\r\n'],
    ['numbers as they are; empty cells empty', ['n', 'e'], [[3, null], [0, undefined]], '\uFEFFn,e\r\n3,\r\n0,\r\n'],
    ['text a spreadsheet would run as a formula gets a leading quote', ['t'], [['=SUM(A1)'], ['+86'], ['-1'], ['@x']], "\uFEFFt\r\n'=SUM(A1)\r\n'+86\r\n'-1\r\n'@x\r\n"],
    ['no rows: the header alone', ['订单号', '实付(元)'], [], '\uFEFF订单号,实付(元)\r\n'],
  ])('%s', (_title, header, rows, expected) => {
    expect(encodeCsv(header, rows)).toBe(expected);
  });
});
