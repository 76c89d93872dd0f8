import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { EntityResolver } from '../catalog/EntityResolver';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';
import { SpanDecoder } from './otlp/decoding/SpanDecoder';
import { DeploymentProtectionReviewer } from './github/deploymentProtection/DeploymentProtectionReviewer';

/** What every ingest endpoint needs; one per plugin instance. */
export interface IngestContext {
  logger: LoggerService;
  config: RootConfigService;
  httpAuth: HttpAuthService;
  /** Decides who may send events (`quality-gates.events.create`). */
  permissions: PermissionsService;
  /** The plugin's database, for stores that only ingest owns (e.g. spans). */
  database: Knex;
  writer: DeliveryEventWriter;
  resolver: EntityResolver;
  /** Decodes OTLP trace requests (large ones on a thread, on PostgreSQL). */
  spanDecoder: SpanDecoder;
  /** Largest accepted request body after decompression (body-parser syntax). */
  maxBodySize: string;
  /** Answers GitHub deployment protection rules with the gates. */
  deploymentProtection?: DeploymentProtectionReviewer;
}

/** Default for `qualityGates.ingest.maxBodySize`. */
export const DEFAULT_MAX_BODY_SIZE = '5mb';

/** Where the ingest routes' body limit is set, as 413 answers name it. */
export const MAX_BODY_SIZE_SETTING = 'qualityGates.ingest.maxBodySize';
