// What differs between the simulated SDK versions; every difference cites the SDK-1 / SDK-5 history it follows.
import type { DeviceKind, SdkVersion } from './types.ts';

/** The behaviour switches of one mixpanel-browser version. */
export interface SdkProfile {
  readonly libVersion: string;
  /** Since 2.46.0 the anonymous distinct_id is `$device:<id>`; before, it is the device id itself (SDK-1). */
  readonly prefixesAnonymousId: boolean;
  /** Since 2.62.0 ids are UUID v4; before, the five-group shape (SDK-1). */
  readonly idShape: 'uuid-v4' | 'five-group';
  /**
   * Since 2.46.0 identify touches `$user_id` only for a new truthy id and refuses `$device:` ids (SDK-5); before,
   * it registered `$user_id = new id` on every call.
   */
  readonly guardsUserId: boolean;
  /**
   * 2.83's page load runs `people.set_once(referrer info)`; with `save_referrer` off that is empty, but it still
   * creates the seven profile queues in persistence. 2.45 does not.
   */
  readonly createsQueuesOnLoad: boolean;
}

const PROFILES: Readonly<Record<SdkVersion, SdkProfile>> = {
  current: {
    libVersion: '2.83.0',
    prefixesAnonymousId: true,
    idShape: 'uuid-v4',
    guardsUserId: true,
    createsQueuesOnLoad: true,
  },
  legacy: {
    libVersion: '2.45.0',
    prefixesAnonymousId: false,
    idShape: 'five-group',
    guardsUserId: false,
    createsQueuesOnLoad: false,
  },
};

/** What the SDK of `version` does differently (the version's behaviour profile). */
export function sdkProfile(version: SdkVersion): SdkProfile {
  return PROFILES[version];
}

/** `mp_lib` per device kind: 'web' for the browser; the native SDKs' values for the phone kinds. */
export const MP_LIB: Readonly<Record<Exclude<DeviceKind, 'server'>, string>> = {
  web: 'web',
  ios: 'iphone',
  android: 'android',
};
