/** One item of `POST /api/v1/heartbeats` (docs/API.md "Heartbeats"). */
export interface HeartbeatItem {
  assetId: string;
  timestamp: string;
  lat: number;
  lon: number;
  heading: number;
  speed: number;
  altitude?: number;
}

/** Posts a batch; anything but 202 with every heartbeat accepted fails the benchmark. */
export async function postHeartbeats(url: string, adminKey: string, items: readonly HeartbeatItem[]): Promise<void> {
  const response = await fetch(`${url}/api/v1/heartbeats`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(items),
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`POST /api/v1/heartbeats answered ${response.status}: ${text}`);
  const { accepted } = JSON.parse(text) as { accepted: number };
  if (accepted !== items.length) throw new Error(`POST /api/v1/heartbeats accepted ${accepted} of ${items.length}: ${text}`);
}
