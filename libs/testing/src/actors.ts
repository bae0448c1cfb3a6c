// Who a test request comes from. Every test builds its caller's headers here and nowhere else, so the way
// an actor proves who it is (today X-Actor-* headers; tokens once authentication lands) changes in one place.
export interface TestActor {
  readonly id: string;
  readonly role: string;
  readonly agency?: string;
}

export function actorHeaders(actor: TestActor): Record<string, string> {
  const headers: Record<string, string> = { 'x-actor-id': actor.id, 'x-actor-role': actor.role };
  if (actor.agency !== undefined) headers['x-actor-agency'] = actor.agency;
  return headers;
}
