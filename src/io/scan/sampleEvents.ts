// Deterministic, realistic Mixpanel event lines for the benchmark and tests: the same seed gives the same lines.

/** mulberry32: a tiny seeded generator, enough for varied test data (not for anything secret). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENT_NAMES = [
  'Page View',
  'Add To Cart',
  'Purchase',
  'Sign Up',
  'Search',
  'Video Played',
  '$mp_web_page_view',
];
const BROWSERS = ['Chrome', 'Firefox', 'Safari', 'Edge', 'Mobile Safari'];
const OSES = ['Mac OS X', 'Windows', 'iOS', 'Android', 'Linux'];
const CITIES = ['Berlin', 'São Paulo', 'Zürich', '東京', 'New York', 'Kraków', 'Montréal'];
const TITLES = [
  'Home',
  'Café crème – menu',
  'Ünïcödé shop',
  '日本語のタイトル',
  'Sale 🎉 50% off',
  'He said "hi"',
  'C:\\Users\\report.pdf',
  'line one\nline two',
  'tab\there',
  'bell \u0007 char',
];
const PRODUCTS = ['Mug', 'T-shirt «Logo»', 'Sticker pack', 'Kaffee 500g', 'ヘッドホン', 'Poster 🎨'];

/** `count` event lines (JSON text, one event each), roughly 250-650 characters, with 10-25 properties. */
export function generateEventLines(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const device = uuid();
    const user = random() < 0.4 ? `user_${Math.floor(random() * 100000)}` : undefined;
    const roll = random();
    const event =
      roll < 0.04 ? '$identify' : roll < 0.06 ? '$create_alias' : roll < 0.07 ? '$merge' : pick(EVENT_NAMES);
    const properties: Record<string, unknown> = {
      time: 1_700_000_000_000 + Math.floor(random() * 1e9),
      distinct_id: user ?? `$device:${device}`,
      $device_id: device,
      $insert_id: hex(20),
      $browser: pick(BROWSERS),
      $browser_version: Math.floor(random() * 130),
      $os: pick(OSES),
      $current_url: `https://shop.example.com/p/${hex(6)}`,
      mp_lib: 'web',
      $lib_version: '2.55.1',
    };
    if (random() < 0.5) {
      properties['$screen_height'] = 1080;
      properties['$screen_width'] = 1920;
      properties['$city'] = pick(CITIES);
      properties['mp_country_code'] = 'DE';
    }
    if (user !== undefined) properties['$user_id'] = user;
    if (event === '$identify') {
      properties['$identified_id'] = user ?? 'user_1';
      properties['$anon_id'] = device;
    } else if (event === '$create_alias') {
      properties['alias'] = `alias_${hex(6)}`;
    } else if (event === '$merge') {
      properties['$distinct_ids'] = [device, user ?? 'user_2'];
    }
    if (random() < 0.5) {
      properties['title'] = pick(TITLES);
      properties['$referrer'] = random() < 0.5 ? null : 'https://www.google.com/';
      properties['logged_in'] = user !== undefined;
    }
    if (random() < 0.3) {
      const items = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
        sku: hex(6),
        name: pick(PRODUCTS),
        qty: 1 + Math.floor(random() * 4),
        price: Math.round(random() * 10000) / 100,
      }));
      properties['cart'] = {
        items,
        currency: 'EUR',
        total: items.reduce((sum, item) => sum + item.price, 0),
      };
      properties['tags'] = ['promo', pick(['a', 'b', 'c']), random() < 0.5 ? 'new' : 'returning'];
      properties['experiment'] = {
        id: Math.floor(random() * 100),
        variant: pick(['control', 'B']),
        ratio: 0.5,
      };
    }
    if (random() < 0.2) {
      properties['experiment'] = {
        id: Math.floor(random() * 100),
        variant: pick(['control', 'B']),
        ratio: 0.5,
      };
    }
    lines.push(JSON.stringify({ event, properties }));
  }
  return lines;
}
