// Runtime schemas for every client-to-server payload. The server parses each payload with these
// before it touches it; unknown keys are dropped, so nothing else a client sends gets through.
import * as v from 'valibot';
import { ACTIVITY_IDS } from './activities/catalog.js';
import { ZONE_BUCKET } from './activities/check-in/model.js';
import { CLOSENESS_BUCKET } from './closeness.js';
import { NAME_BUCKET, sealedSchema } from './sealed/shape.js';

export const NAME_MAX = 40;

export const CommandId = v.pipe(
  v.string('A command id is missing.'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'A command id must be 8–64 letters, digits, - or _.'),
);

export const RoomId = v.pipe(
  v.string('A room id is missing.'),
  v.regex(/^[A-Za-z0-9_-]{21,32}$/, 'That is not a room link.'),
);

/** Code units a name may use: room for 40 family emoji, not for kilobytes of stacked combining marks. */
export const NAME_MAX_UNITS = NAME_MAX * 8;

export const Name = v.pipe(
  v.string('Please type a name.'),
  v.trim(),
  v.minLength(1, 'Please type a name.'),
  v.maxGraphemes(NAME_MAX, `Names can be up to ${NAME_MAX} characters.`),
  v.maxLength(NAME_MAX_UNITS, `Names can be up to ${NAME_MAX} characters.`),
  // No control or invisible formatting characters (zero-width spaces, direction overrides); the
  // zero-width joiner stays, since emoji like 👩‍❤️‍👨 are built with it.
  v.regex(/^(?:(?![\p{Cc}\p{Cs}\p{Co}])[^\p{Cf}]|\u200D)*$/u, 'Names cannot hold invisible or control characters.'),
  v.regex(/[\p{L}\p{N}\p{Extended_Pictographic}]/u, 'Please type a name with at least one letter.'),
);

/** A name as the server receives it: sealed in the browser (which checks it with `Name` first). */
export const SealedName = sealedSchema(NAME_BUCKET, 'Please type a name.');

/** The room's seal: an id for the associated data and a small known value sealed with the room key. */
const RoomSealSchema = v.object(
  {
    id: v.pipe(v.string('The room seal is missing.'), v.regex(/^[A-Za-z0-9_-]{22}$/, 'The room seal id must be 22 base64url characters.')),
    check: sealedSchema(64, 'The room seal is missing.'),
  },
  'The room seal is missing.',
);

const Audience = v.picklist(['partners', 'friends', 'family'], 'Choose who the room is for.');

/** The creator's time zone, sealed as Check-in's room zone; rooms made by an older page have none. */
const RoomZone = v.optional(sealedSchema(ZONE_BUCKET, 'The time zone is not sealed right.'));

const Apart = v.boolean('Say whether you live apart with true or false.');

export const CreateRoomSchema = v.variant(
  'mode',
  [
    v.object({ commandId: CommandId, name: SealedName, audience: Audience, mode: v.literal('two-devices'), seal: RoomSealSchema, zone: RoomZone, apart: v.optional(Apart) }),
    v.object({
      commandId: CommandId,
      name: SealedName,
      audience: Audience,
      mode: v.literal('one-device'),
      partnerName: SealedName,
      seal: RoomSealSchema,
      zone: RoomZone,
    }),
  ],
  'Choose how you will play.',
);

export const PeekSchema = v.object({ roomId: RoomId });

export const JoinRoomSchema = v.object({ commandId: CommandId, roomId: RoomId, name: SealedName });

export const JoinByCodeSchema = v.object({
  commandId: CommandId,
  code: v.pipe(v.string('Please type the code.'), v.maxLength(40, "That code didn't work.")),
  name: SealedName,
});

const Seat = v.picklist([0, 1], 'Unknown seat.');

const base64url = (length: string, message: string) => v.pipe(v.string(message), v.regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), message));
const Sid = base64url('22', 'A key exchange needs a 16-byte session id.');
const Share = base64url('43', 'A key exchange share must be 32 bytes of base64url.');

export const KeyAskSchema = v.object({
  code: v.pipe(v.string('Please type the code.'), v.maxLength(40, "That code didn't work.")),
  sid: Sid,
  share: Share,
});

export const KeyGiveSchema = v.object({ sid: Sid, share: Share, box: base64url('40,400', 'The sealed room key is malformed.') });

// The options in order of how often they come: valibot's variant tries each option's discriminator in
// turn and makes an issue for every one that does not match, so a move (almost every command) is first.
export const RoomCommandSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('move'), move: v.unknown() }),
    v.object({ type: v.literal('ready') }),
    v.object({
      type: v.literal('propose'),
      activity: v.picklist(ACTIVITY_IDS, 'Unknown activity.'),
      options: v.optional(v.unknown(), {}),
      ready: v.optional(v.boolean()),
    }),
    v.object({ type: v.literal('withdraw') }),
    v.object({ type: v.literal('end-activity') }),
    v.object({ type: v.literal('forget-memory'), id: v.pipe(v.string(), v.maxLength(200)) }),
    v.object({ type: v.literal('sign-out-device'), device: v.pipe(v.string(), v.maxLength(40)) }),
    v.object({ type: v.literal('set-apart'), apart: Apart }, 'Say whether you live apart with true or false.'),
    v.object({
      type: v.literal('closeness'),
      id: v.pipe(v.string(), v.maxLength(40)),
      value: sealedSchema(CLOSENESS_BUCKET, 'Choose a picture, or skip.'),
    }),
    v.object({ type: v.literal('remove-partner') }),
    v.object({ type: v.literal('renew-invite') }),
  ],
  'Unknown command.',
);

export const CommandSchema = v.object({ commandId: CommandId, seat: Seat, command: RoomCommandSchema });

export const EraseSchema = v.object({ commandId: CommandId });

export const DeviceOfferSchema = v.object({ seat: Seat });

/** Any string of a sane length: every way a transfer code can fail answers the same TRANSFER_INVALID. */
export const ClaimDeviceSchema = v.object({
  commandId: CommandId,
  roomId: RoomId,
  code: v.pipe(v.string('The link for this device is incomplete.'), v.maxLength(64, 'The link for this device is incomplete.')),
});

/** A page of Memories: older than `before` (a cursor a page answered; null for the newest), as of `version`. */
export const MemoriesPageSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  before: v.nullable(v.pipe(v.string(), v.maxLength(260))),
});

export const VisibilitySchema = v.object({ hidden: v.boolean('Say whether the page is hidden.') });

/** A push subscription as PushSubscription.toJSON() gives it; where it may point is the server's to check. */
export const PushSubscribeSchema = v.object({
  endpoint: v.pipe(
    v.string('A push subscription needs its endpoint.'),
    v.maxLength(2048, 'A push endpoint can be up to 2,048 characters.'),
    v.url('A push endpoint must be a web address.'),
  ),
  keys: v.object(
    {
      p256dh: v.pipe(v.string('A push subscription needs its p256dh key.'), v.regex(/^[A-Za-z0-9_-]{87}=?$/, 'The p256dh key must be a P-256 public key (65 bytes of base64url).')),
      auth: v.pipe(v.string('A push subscription needs its auth secret.'), v.regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'The auth secret must be 16 bytes of base64url.')),
    },
    'A push subscription needs its keys: p256dh and auth.',
  ),
});

/** Asks that carry nothing (push:key, push:unsubscribe). */
export const NothingSchema = v.object({});

export const SeatAuthSchema = v.object({
  roomId: RoomId,
  tokens: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/))),
    v.minLength(1),
    v.maxLength(2),
  ),
});

export { parse } from './parse.js';
