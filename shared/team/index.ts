/** The sales team in the back office: invitations and deactivation with an heir. */
export * from './invite';
export * from './deactivate';
