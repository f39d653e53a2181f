/**
 * address: the caller's address book, one document `addresses/{openid}` (at most 20 addresses,
 * one default). A change reads the book, decides with shared/address and writes it back guarded
 * by its `rev` (a concurrent change of the same book makes the loser read again). Orders keep a
 * snapshot of the address, so an edit here never changes a past order.
 * Round trips: list 2, save / remove 3 (caller included; +2 per lost race).
 */
import { AppError, action, defineFunction, store, type ActionContext } from '../_platform';
import { address as contract } from '../../shared/contract';
import { MAX_ADDRESSES, decideRemoveAddress, decideSaveAddress, emptyBook, type AddressBook } from '../../shared/address';

const ATTEMPTS = 3;

function bookView(book: AddressBook) {
  return {
    addresses: book.items.map(({ updatedAt, ...a }) => ({ ...a, isDefault: a.addressId === book.defaultId, updatedAt })),
    defaultId: book.defaultId,
    max: MAX_ADDRESSES,
  };
}

async function readBook(ctx: ActionContext): Promise<AddressBook | undefined> {
  return store.getById<AddressBook>('addresses', ctx.openid);
}

/** Applies `decide` to the caller's book and writes it if nobody changed the book meanwhile. */
async function changeBook<R>(ctx: ActionContext, decide: (book: AddressBook) => { book: AddressBook; result: R }): Promise<{ book: AddressBook; result: R }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await readBook(ctx);
    const decided = decide(stored ?? emptyBook(ctx.openid, ctx.now));
    const { _id, ...fields } = decided.book;
    const won = stored
      ? await store.guardedUpdate('addresses', { _id, rev: stored.rev }, fields)
      : await store.insertOnce('addresses', decided.book);
    if (won) return decided;
  }
  throw new AppError('CONFLICT', 'your address book is being changed elsewhere, please retry');
}

export const main = defineFunction('address', {
  list: action(contract.list)({
    run: async (_input, ctx) => bookView((await readBook(ctx)) ?? emptyBook(ctx.openid, ctx.now)),
  }),

  save: action(contract.save)({
    run: async (input, ctx) => {
      const newId = `a${ctx.newId(10)}`;
      const { book, result } = await changeBook(ctx, (b) => {
        const saved = decideSaveAddress(b, input.address, newId, ctx.now);
        return { book: saved.book, result: saved.addressId };
      });
      return { ...bookView(book), addressId: result };
    },
  }),

  remove: action(contract.remove)({
    run: async (input, ctx) => {
      const { book } = await changeBook(ctx, (b) => ({ book: decideRemoveAddress(b, input.addressId, ctx.now), result: null }));
      return bookView(book);
    },
  }),
});
