import { EntityAssignment } from '../../../delivery/DeliveryBatch';
import { SpanBatch } from '../spanBatch';
import { BatchFormat, DecodedSummary, OtlpEncoding } from './decodedRequest';

/** What the event loop asks a decoder thread, by request id. */
export type ToDecoderThread =
  | { type: 'decode'; id: number; encoding: OtlpEncoding; body: Uint8Array }
  | {
      type: 'batch';
      id: number;
      entities: EntityAssignment[];
      format: BatchFormat;
      receivedAt: Date;
    }
  | { type: 'release'; id: number };

/** What a decoder thread answers, by request id; first that it is ready. */
export type FromDecoderThread =
  | { type: 'ready'; id?: undefined }
  | ({ type: 'decoded'; id: number } & DecodedSummary)
  | { type: 'batch'; id: number; batch: SpanBatch }
  | { type: 'failed'; id: number; name: string; message: string };
