// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.
// Do not edit it by hand: change openapi.yaml and run `yarn openapi:generate`.
/* eslint-disable */

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'quality-gates',
    version: '0.1.0',
    description:
      'Production readiness, quality gates and delivery insights for Backstage\ncatalog entities ("Can I deploy?").\n\nEvery route but `/health` needs Backstage credentials: a user\'s token from\nthe app, or, for scripts and CI systems, a static external-access token\n(`Authorization: Bearer <token>`, configured under\n`backend.auth.externalAccess`).\n',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      backstageToken: {
        type: 'http',
        scheme: 'bearer',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        description: "Backstage's standard error body.",
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
        required: ['error'],
      },
      DeploymentStatus: {
        type: 'string',
        enum: ['in_progress', 'succeeded', 'failed', 'rolled_back'],
      },
      Deployment: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          source: {
            type: 'string',
            description: 'Reporting system (cdevents, github, api, demo, ...).',
          },
          externalId: {
            type: 'string',
            description: "The source's own id; unique per source.",
          },
          entityRef: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          artifact: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/DeploymentStatus',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'source',
          'externalId',
          'entityRef',
          'environment',
          'version',
          'status',
          'startedAt',
        ],
        additionalProperties: false,
      },
      EnvironmentVersion: {
        type: 'object',
        properties: {
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          deploymentId: {
            type: 'string',
          },
          deployedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['environment', 'version', 'deploymentId', 'deployedAt'],
        additionalProperties: false,
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error, with a message that says what is wrong.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        summary: 'Liveness and database reachability; needs no credentials.',
        security: [],
        responses: {
          '200': {
            description: 'The plugin and its database answer.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                    database: {
                      type: 'string',
                      enum: ['ok'],
                    },
                    criterionSources: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                  required: ['status', 'database', 'criterionSources'],
                  additionalProperties: false,
                },
              },
            },
          },
          '503': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/deployments': {
      get: {
        operationId: 'ListDeployments',
        summary:
          "One entity's deployments, newest first, and the version each environment runs.",
        security: [
          {
            backstageToken: [],
          },
        ],
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            description: 'Entity reference, e.g. `component:default/checkout`.',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'environment',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/DeploymentStatus',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 0,
              default: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The deployments, newest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Deployment',
                      },
                    },
                    totalCount: {
                      type: 'integer',
                    },
                    currentVersions: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EnvironmentVersion',
                      },
                    },
                  },
                  required: [
                    'entityRef',
                    'items',
                    'totalCount',
                    'currentVersions',
                  ],
                  additionalProperties: false,
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;
