/** The bucket of the local environment (CloudBase names it <hex of env prefix>-<env>-<appid>). */
export const LOCAL_BUCKET = '6c6f-local-1300000000';
