// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.
// Do not edit it by hand: change openapi.yaml and run `yarn openapi:generate`.
/* eslint-disable */

export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "quality-gates",
    "version": "0.1.0",
    "description": "Production readiness, quality gates and delivery insights for Backstage\ncatalog entities (\"Can I deploy?\").\n\nEvery route but `/health` needs Backstage credentials: a user's token from\nthe app, or, for scripts and CI systems, a static external-access token\n(`Authorization: Bearer <token>`, configured under\n`backend.auth.externalAccess`).\n",
    "license": {
      "name": "Apache-2.0",
      "identifier": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "securitySchemes": {
      "backstageToken": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "schemas": {
      "EntityHints": {
        "type": "object",
        "description": "What names the entity, tried in this order: an entity ref the catalog knows, a service name (an entity's `quality-gates/service-name` or a Component's name), a repository (`github.com/project-slug`). At least one is required; an item that names no known entity is kept with `entityRef: null` and its hint.",
        "properties": {
          "entityRef": {
            "type": "string",
            "maxLength": 255,
            "description": "e.g. `component:default/checkout`."
          },
          "serviceName": {
            "type": "string",
            "maxLength": 255
          },
          "repositorySlug": {
            "type": "string",
            "maxLength": 255,
            "pattern": "^[^/\\s]+/[^/\\s]+$",
            "description": "`owner/name` of the repository."
          }
        }
      },
      "SourceKeyInput": {
        "type": "object",
        "description": "A row of any source, by that source's key.",
        "properties": {
          "source": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "externalId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          }
        },
        "required": [
          "source",
          "externalId"
        ],
        "additionalProperties": false
      },
      "DeploymentInput": {
        "description": "One deployment, keyed by the caller's `externalId` (source `api`).",
        "allOf": [
          {
            "$ref": "#/components/schemas/EntityHints"
          },
          {
            "type": "object",
            "properties": {
              "externalId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "environment": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "version": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "status": {
                "$ref": "#/components/schemas/DeploymentStatus"
              },
              "startedAt": {
                "type": "string",
                "format": "date-time"
              },
              "finishedAt": {
                "type": "string",
                "format": "date-time",
                "description": "Not before `startedAt`."
              },
              "artifact": {
                "type": "string",
                "maxLength": 2048,
                "description": "Digest or package URL."
              },
              "actor": {
                "type": "string",
                "maxLength": 255
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "description": {
                "type": "string",
                "maxLength": 10000
              },
              "changes": {
                "type": "array",
                "maxItems": 1000,
                "description": "Commits the deployment brought.",
                "items": {
                  "type": "object",
                  "properties": {
                    "repository": {
                      "type": "string",
                      "description": "With its host: `github.com/org/repo`, a URL or a `git@host:org/repo.git` remote (normalised)."
                    },
                    "sha": {
                      "type": "string",
                      "pattern": "^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$"
                    }
                  },
                  "required": [
                    "repository",
                    "sha"
                  ],
                  "additionalProperties": false
                }
              },
              "pipelineRun": {
                "$ref": "#/components/schemas/SourceKeyInput"
              }
            },
            "required": [
              "externalId",
              "environment",
              "version",
              "status",
              "startedAt"
            ]
          }
        ]
      },
      "IncidentInput": {
        "description": "One incident, keyed by the caller's `externalId` (source `api`).",
        "allOf": [
          {
            "$ref": "#/components/schemas/EntityHints"
          },
          {
            "type": "object",
            "properties": {
              "externalId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "environment": {
                "type": "string",
                "maxLength": 255
              },
              "severity": {
                "type": "string",
                "maxLength": 64
              },
              "title": {
                "type": "string",
                "maxLength": 1000
              },
              "description": {
                "type": "string",
                "maxLength": 10000
              },
              "url": {
                "type": "string",
                "format": "uri"
              },
              "openedAt": {
                "type": "string",
                "format": "date-time"
              },
              "resolvedAt": {
                "type": "string",
                "format": "date-time",
                "description": "Not before `openedAt`."
              },
              "causedByDeployment": {
                "$ref": "#/components/schemas/SourceKeyInput"
              },
              "labels": {
                "type": "object",
                "maxProperties": 50,
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 1000
                }
              }
            },
            "required": [
              "externalId",
              "openedAt"
            ]
          }
        ]
      },
      "HeartbeatInput": {
        "description": "One heartbeat. Without `externalId` every heartbeat sent counts; with one, a resend of it changes nothing.",
        "allOf": [
          {
            "$ref": "#/components/schemas/EntityHints"
          },
          {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255,
                "description": "What beats, e.g. `synthetic-checkout`; criteria select it by name."
              },
              "environment": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "version": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255,
                "description": "The version that sent it, for `sameVersion` criteria."
              },
              "occurredAt": {
                "type": "string",
                "format": "date-time",
                "description": "When it happened; the time it is received by default. At most 5 minutes ahead of the server's clock."
              },
              "externalId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "details": {
                "type": "object",
                "maxProperties": 50,
                "additionalProperties": {
                  "type": [
                    "string",
                    "number",
                    "boolean",
                    "null"
                  ]
                }
              }
            },
            "required": [
              "name"
            ]
          }
        ]
      },
      "IngestedHeartbeats": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "description": "One per heartbeat sent, in order.",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "entityRef": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "The catalog entity, or null when none matched (the heartbeat is kept)."
                },
                "entityHint": {
                  "type": "string"
                },
                "occurredAt": {
                  "type": "string",
                  "format": "date-time"
                },
                "duplicate": {
                  "type": "boolean",
                  "description": "Its `externalId` was stored before; nothing changed."
                },
                "resolved": {
                  "type": "boolean"
                }
              },
              "required": [
                "id",
                "name",
                "entityRef",
                "occurredAt",
                "duplicate",
                "resolved"
              ]
            }
          },
          "unresolved": {
            "type": "integer",
            "description": "How many heartbeats were kept without a catalog entity."
          }
        },
        "required": [
          "items",
          "unresolved"
        ]
      },
      "IngestedRow": {
        "type": "object",
        "description": "A row as stored after the request, merged with earlier deliveries.",
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "entityRef": {
            "type": [
              "string",
              "null"
            ],
            "description": "The catalog entity, or null when none matched (the row is kept)."
          },
          "entityHint": {
            "type": "string",
            "description": "What the item said about its entity."
          },
          "status": {
            "$ref": "#/components/schemas/DeploymentStatus"
          },
          "pipelineRunId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Deployments; null when the named run is unknown."
          },
          "causedByDeploymentId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Incidents; null when no cause is known."
          }
        },
        "required": [
          "id",
          "source",
          "externalId",
          "entityRef"
        ]
      },
      "IngestedItems": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "description": "One per item sent, in order.",
            "items": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/IngestedRow"
                },
                {
                  "type": "object",
                  "properties": {
                    "resolved": {
                      "type": "boolean"
                    }
                  },
                  "required": [
                    "resolved"
                  ]
                }
              ]
            }
          },
          "unresolved": {
            "type": "integer",
            "description": "How many items were kept without a catalog entity."
          }
        },
        "required": [
          "items",
          "unresolved"
        ]
      },
      "Error": {
        "type": "object",
        "description": "Backstage's standard error body.",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "name",
              "message"
            ]
          },
          "request": {
            "type": "object",
            "properties": {
              "method": {
                "type": "string"
              },
              "url": {
                "type": "string"
              }
            }
          },
          "response": {
            "type": "object",
            "properties": {
              "statusCode": {
                "type": "number"
              }
            }
          }
        },
        "required": [
          "error"
        ]
      },
      "DeploymentStatus": {
        "type": "string",
        "enum": [
          "in_progress",
          "succeeded",
          "failed",
          "rolled_back"
        ]
      },
      "Deployment": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "description": "Reporting system (cdevents, github, api, demo, ...)."
          },
          "externalId": {
            "type": "string",
            "description": "The source's own id; unique per source."
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "artifact": {
            "type": "string"
          },
          "actor": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/DeploymentStatus"
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "url": {
            "type": "string",
            "description": "Deploy log or target."
          },
          "description": {
            "type": "string"
          },
          "pipelineRunId": {
            "type": "string"
          },
          "changes": {
            "type": "array",
            "description": "Commits the deployment brought, with commit data where received.",
            "items": {
              "$ref": "#/components/schemas/Change"
            }
          },
          "pipelineRun": {
            "$ref": "#/components/schemas/PipelineRun"
          }
        },
        "required": [
          "id",
          "source",
          "externalId",
          "entityRef",
          "environment",
          "version",
          "status",
          "startedAt"
        ],
        "additionalProperties": false
      },
      "Change": {
        "type": "object",
        "description": "A commit that can reach production.",
        "properties": {
          "repository": {
            "type": "string",
            "description": "Normalised repository, e.g. github.com/org/repo."
          },
          "sha": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "author": {
            "type": "string"
          },
          "authoredAt": {
            "type": "string",
            "format": "date-time"
          },
          "committedAt": {
            "type": "string",
            "format": "date-time"
          },
          "pushedAt": {
            "type": "string",
            "format": "date-time"
          },
          "ref": {
            "type": "string"
          },
          "pullRequest": {
            "type": "object",
            "properties": {
              "number": {
                "type": "integer"
              },
              "openedAt": {
                "type": "string",
                "format": "date-time"
              },
              "mergedAt": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "number"
            ],
            "additionalProperties": false
          },
          "url": {
            "type": "string"
          }
        },
        "required": [
          "repository",
          "sha"
        ],
        "additionalProperties": false
      },
      "PipelineResult": {
        "type": "string",
        "description": "How a run ended, in the OpenTelemetry CI/CD vocabulary.",
        "enum": [
          "success",
          "failure",
          "error",
          "timeout",
          "cancellation",
          "skip"
        ]
      },
      "PipelineRun": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "pipelineName": {
            "type": "string"
          },
          "runId": {
            "type": "string"
          },
          "runAttempt": {
            "type": "integer"
          },
          "ref": {
            "type": "string"
          },
          "sha": {
            "type": "string"
          },
          "repository": {
            "type": "string"
          },
          "result": {
            "$ref": "#/components/schemas/PipelineResult"
          },
          "queuedAt": {
            "type": "string",
            "format": "date-time"
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "traceId": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "durationSeconds": {
            "type": "number"
          },
          "queueSeconds": {
            "type": "number"
          }
        },
        "required": [
          "id",
          "source",
          "externalId",
          "pipelineName",
          "startedAt"
        ],
        "additionalProperties": false
      },
      "Incident": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "severity": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "openedAt": {
            "type": "string",
            "format": "date-time"
          },
          "resolvedAt": {
            "type": "string",
            "format": "date-time"
          },
          "causedByDeploymentId": {
            "type": "string"
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "source",
          "externalId",
          "openedAt"
        ],
        "additionalProperties": false
      },
      "EnvironmentVersion": {
        "type": "object",
        "properties": {
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "deploymentId": {
            "type": "string"
          },
          "deployedAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "required": [
          "environment",
          "version",
          "deploymentId",
          "deployedAt"
        ],
        "additionalProperties": false
      },
      "TraceSpan": {
        "type": "object",
        "description": "One span as a waterfall shows it.",
        "properties": {
          "traceId": {
            "type": "string"
          },
          "spanId": {
            "type": "string"
          },
          "parentSpanId": {
            "type": "string"
          },
          "depth": {
            "type": "integer",
            "description": "Nesting; a span whose parent is not stored is a root (0)."
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "unspecified",
              "internal",
              "server",
              "client",
              "producer",
              "consumer"
            ]
          },
          "startTime": {
            "type": "string",
            "format": "date-time"
          },
          "endTime": {
            "type": "string",
            "format": "date-time"
          },
          "startTimeUnixMicros": {
            "type": "number"
          },
          "endTimeUnixMicros": {
            "type": "number"
          },
          "durationMicros": {
            "type": "number"
          },
          "status": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string",
                "enum": [
                  "unset",
                  "ok",
                  "error"
                ]
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "code"
            ]
          },
          "serviceName": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "pipelineRunId": {
            "type": "string",
            "description": "The pipeline run the trace records (its earliest, when several name the trace)."
          },
          "ciTask": {
            "type": "object",
            "description": "The CI task (job, stage, step) the span records."
          },
          "attributes": {
            "type": "object"
          },
          "events": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "timeUnixNano": {
                  "type": "string",
                  "description": "Decimal nanoseconds since the epoch, exact."
                },
                "attributes": {
                  "type": "object"
                }
              },
              "required": [
                "name",
                "timeUnixNano"
              ],
              "additionalProperties": false
            }
          },
          "links": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "traceId": {
                  "type": "string"
                },
                "spanId": {
                  "type": "string"
                },
                "traceState": {
                  "type": "string"
                },
                "attributes": {
                  "type": "object"
                }
              },
              "required": [
                "traceId",
                "spanId"
              ],
              "additionalProperties": false
            }
          },
          "resourceAttributes": {
            "type": "object"
          }
        },
        "required": [
          "traceId",
          "spanId",
          "depth",
          "name",
          "kind",
          "startTime",
          "endTime",
          "startTimeUnixMicros",
          "endTimeUnixMicros",
          "durationMicros",
          "status",
          "attributes",
          "events",
          "links",
          "resourceAttributes"
        ],
        "additionalProperties": false
      },
      "ReadinessCheckState": {
        "type": "string",
        "enum": [
          "passed",
          "warning",
          "failed",
          "error",
          "not_reported",
          "exempt",
          "not_applicable"
        ]
      },
      "ReadinessStateCounts": {
        "type": "object",
        "properties": {
          "passed": {
            "type": "integer"
          },
          "warning": {
            "type": "integer"
          },
          "failed": {
            "type": "integer"
          },
          "error": {
            "type": "integer"
          },
          "not_reported": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          },
          "not_applicable": {
            "type": "integer"
          }
        },
        "required": [
          "passed",
          "warning",
          "failed",
          "error",
          "not_reported",
          "exempt",
          "not_applicable"
        ],
        "additionalProperties": false
      },
      "ReadinessLevelDistribution": {
        "type": "object",
        "description": "How many components are at each level (lowest first, then `level:\nnull` for none reached), and how many have no stored result.\n",
        "properties": {
          "levels": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "level": {
                  "type": "string",
                  "nullable": true
                },
                "count": {
                  "type": "integer"
                }
              },
              "required": [
                "level",
                "count"
              ],
              "additionalProperties": false
            }
          },
          "notEvaluated": {
            "type": "integer"
          },
          "total": {
            "type": "integer"
          }
        },
        "required": [
          "levels",
          "notEvaluated",
          "total"
        ],
        "additionalProperties": false
      },
      "ReadinessFailingCheck": {
        "type": "object",
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "count": {
            "type": "integer"
          },
          "entityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "checkId",
          "title",
          "count",
          "entityRefs"
        ],
        "additionalProperties": false
      },
      "ReadinessLevel": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "title"
        ],
        "additionalProperties": false
      },
      "ReadinessCheckInfo": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string",
            "description": "Why the check matters."
          },
          "howToFix": {
            "type": "string",
            "description": "How to fix a failure, as markdown."
          },
          "level": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "title",
          "description",
          "howToFix"
        ],
        "additionalProperties": false
      },
      "ReadinessCheckResult": {
        "type": "object",
        "properties": {
          "checkId": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/ReadinessCheckState"
          },
          "message": {
            "type": "string"
          },
          "missing": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "evidence": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "title": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                }
              },
              "required": [
                "title"
              ],
              "additionalProperties": false
            }
          },
          "items": {
            "type": "array",
            "description": "Every item the check looked at, e.g. every alert rule.",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "passed",
                    "warning",
                    "failed"
                  ]
                },
                "missing": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "source": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                }
              },
              "required": [
                "name",
                "state",
                "missing"
              ],
              "additionalProperties": false
            }
          },
          "exemptionId": {
            "type": "string"
          }
        },
        "required": [
          "checkId",
          "state",
          "message"
        ],
        "additionalProperties": false
      },
      "ReadinessSummary": {
        "type": "object",
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "lifecycle": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "system": {
            "type": "string"
          },
          "level": {
            "type": [
              "string",
              "null"
            ]
          },
          "nextLevel": {
            "type": [
              "string",
              "null"
            ]
          },
          "score": {
            "type": [
              "integer",
              "null"
            ]
          },
          "counts": {
            "$ref": "#/components/schemas/ReadinessStateCounts"
          },
          "failingChecks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "evaluatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "firstSeenAt": {
            "type": "string",
            "format": "date-time"
          },
          "isNew": {
            "type": "boolean"
          }
        },
        "required": [
          "entityRef",
          "kind",
          "level",
          "nextLevel",
          "score",
          "counts",
          "failingChecks",
          "evaluatedAt",
          "firstSeenAt",
          "isNew"
        ],
        "additionalProperties": false
      },
      "ReadinessExemption": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string",
            "format": "date-time"
          },
          "active": {
            "type": "boolean"
          }
        },
        "required": [
          "id",
          "entityRef",
          "checkId",
          "reason",
          "createdBy",
          "createdAt",
          "expiresAt",
          "active"
        ],
        "additionalProperties": false
      },
      "EntityReadiness": {
        "type": "object",
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "levels": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReadinessLevel"
            }
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                },
                "howToFix": {
                  "type": "string"
                },
                "level": {
                  "type": "string"
                },
                "result": {
                  "$ref": "#/components/schemas/ReadinessCheckResult"
                }
              },
              "required": [
                "id",
                "title",
                "description",
                "howToFix",
                "result"
              ],
              "additionalProperties": false
            }
          },
          "summary": {
            "$ref": "#/components/schemas/ReadinessSummary"
          },
          "exemptions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReadinessExemption"
            }
          }
        },
        "required": [
          "entityRef",
          "levels",
          "checks",
          "exemptions"
        ],
        "additionalProperties": false
      },
      "DoraBand": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "elite",
          "high",
          "medium",
          "low",
          null
        ]
      },
      "DoraBounds": {
        "type": "object",
        "properties": {
          "elite": {
            "type": "number"
          },
          "high": {
            "type": "number"
          },
          "medium": {
            "type": "number"
          }
        },
        "required": [
          "elite",
          "high",
          "medium"
        ],
        "additionalProperties": false
      },
      "DoraFigures": {
        "type": "object",
        "properties": {
          "deploymentFrequency": {
            "type": "object",
            "properties": {
              "deployments": {
                "type": "integer"
              },
              "perDay": {
                "type": "number"
              },
              "perWeek": {
                "type": "number"
              },
              "bucket": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "on_demand",
                  "daily_to_weekly",
                  "weekly_to_monthly",
                  "less_than_monthly",
                  null
                ]
              },
              "band": {
                "$ref": "#/components/schemas/DoraBand"
              }
            },
            "required": [
              "deployments",
              "perDay",
              "perWeek",
              "bucket",
              "band"
            ],
            "additionalProperties": false
          },
          "leadTime": {
            "type": "object",
            "properties": {
              "changes": {
                "type": "integer"
              },
              "medianSeconds": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "p90Seconds": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "excludedNonPositive": {
                "type": "integer"
              },
              "band": {
                "$ref": "#/components/schemas/DoraBand"
              }
            },
            "required": [
              "changes",
              "medianSeconds",
              "p90Seconds",
              "excludedNonPositive",
              "band"
            ],
            "additionalProperties": false
          },
          "changeFailureRate": {
            "type": "object",
            "properties": {
              "deployments": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              },
              "rate": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "band": {
                "$ref": "#/components/schemas/DoraBand"
              }
            },
            "required": [
              "deployments",
              "failed",
              "rate",
              "band"
            ],
            "additionalProperties": false
          },
          "recoveryTime": {
            "type": "object",
            "properties": {
              "failures": {
                "type": "integer"
              },
              "recovered": {
                "type": "integer"
              },
              "unrecovered": {
                "type": "integer"
              },
              "medianSeconds": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "band": {
                "$ref": "#/components/schemas/DoraBand"
              }
            },
            "required": [
              "failures",
              "recovered",
              "unrecovered",
              "medianSeconds",
              "band"
            ],
            "additionalProperties": false
          },
          "reworkRate": {
            "type": "object",
            "properties": {
              "deployments": {
                "type": "integer"
              },
              "unplanned": {
                "type": "integer"
              },
              "rate": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "band": {
                "$ref": "#/components/schemas/DoraBand"
              }
            },
            "required": [
              "deployments",
              "unplanned",
              "rate",
              "band"
            ],
            "additionalProperties": false
          }
        },
        "required": [
          "deploymentFrequency",
          "leadTime",
          "changeFailureRate",
          "recoveryTime",
          "reworkRate"
        ],
        "additionalProperties": false
      },
      "DoraScope": {
        "type": "object",
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "entity",
              "group",
              "system"
            ]
          },
          "ref": {
            "type": "string"
          },
          "entityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "kind",
          "ref",
          "entityRefs"
        ],
        "additionalProperties": false
      },
      "GateVerdict": {
        "type": "string",
        "enum": [
          "pass",
          "warn",
          "fail",
          "error"
        ]
      },
      "EvidenceFact": {
        "description": "One typed fact of a criterion's evidence; `label` names it in a list. Durations are in milliseconds, ratios are fractions, times ISO 8601.",
        "type": "object",
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "duration",
              "time",
              "count",
              "ratio",
              "interval",
              "number",
              "version",
              "link",
              "text"
            ]
          },
          "label": {
            "type": "string"
          },
          "ms": {
            "type": "number"
          },
          "at": {
            "type": "string"
          },
          "timeZone": {
            "type": "string"
          },
          "value": {
            "type": "number"
          },
          "unit": {
            "type": "string"
          },
          "signed": {
            "type": "boolean"
          },
          "lower": {
            "type": "number"
          },
          "upper": {
            "type": "number"
          },
          "of": {
            "type": "string",
            "enum": [
              "ratio",
              "number"
            ]
          },
          "level": {
            "type": "number"
          },
          "version": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "text": {
            "type": "string"
          }
        },
        "required": [
          "kind"
        ],
        "additionalProperties": false
      },
      "EvidenceSentence": {
        "description": "One sentence of words and facts in reading order, e.g. \"CI run \", a link fact \"#4185\", \" succeeded\".",
        "type": "array",
        "items": {
          "oneOf": [
            {
              "type": "string"
            },
            {
              "$ref": "#/components/schemas/EvidenceFact"
            }
          ]
        }
      },
      "CriterionEvidence": {
        "type": "object",
        "properties": {
          "key": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "state": {
            "type": "string",
            "enum": [
              "pass",
              "warning",
              "fail",
              "error",
              "no_data"
            ]
          },
          "weight": {
            "type": "number"
          },
          "keyCriterion": {
            "type": "boolean"
          },
          "score": {
            "type": "number"
          },
          "observed": {
            "type": [
              "number",
              "null"
            ]
          },
          "threshold": {
            "type": "object",
            "properties": {
              "pass": {
                "type": "string"
              },
              "warning": {
                "type": "string"
              }
            },
            "additionalProperties": false
          },
          "baseline": {
            "type": "object",
            "properties": {
              "value": {
                "type": [
                  "number",
                  "null"
                ]
              },
              "aggregate": {
                "type": "string"
              },
              "from": {
                "type": "integer"
              },
              "pinned": {
                "$ref": "#/components/schemas/PinnedBaseline"
              }
            },
            "required": [
              "value",
              "aggregate",
              "from"
            ],
            "additionalProperties": false
          },
          "sampleSize": {
            "type": "number"
          },
          "query": {
            "type": "string"
          },
          "link": {
            "type": "string"
          },
          "message": {
            "type": "string",
            "description": "The criterion's sentence in words, with absolute times."
          },
          "summary": {
            "$ref": "#/components/schemas/EvidenceSentence"
          },
          "facts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EvidenceFact"
            }
          },
          "details": {
            "type": "object",
            "additionalProperties": true
          },
          "askAgainAt": {
            "type": "string",
            "format": "date-time",
            "description": "Set on a criterion that holds its gate back only for now (no data\nyet, or a soak short of its time) and may decide then. The state\nstays `no_data` or `fail`; the decision answers `not_yet`.\n"
          },
          "durationMs": {
            "type": "number"
          }
        },
        "required": [
          "key",
          "source",
          "state",
          "weight",
          "keyCriterion",
          "score",
          "observed",
          "message",
          "durationMs"
        ],
        "additionalProperties": false
      },
      "GateOverride": {
        "type": "object",
        "description": "An override for one entity, environment and version, of one gate\n(`gateId`) or every gate. While active (neither expired nor revoked)\neach evaluation there keeps its measured verdict and takes the\noverride's as its effective verdict.\n",
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "verdict": {
            "type": "string",
            "enum": [
              "pass",
              "fail"
            ]
          },
          "reason": {
            "type": "string"
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokeReason": {
            "type": "string"
          },
          "decisionId": {
            "type": "string"
          },
          "evaluationId": {
            "type": "string"
          },
          "active": {
            "type": "boolean"
          }
        },
        "required": [
          "id",
          "entityRef",
          "environment",
          "version",
          "verdict",
          "reason",
          "createdBy",
          "createdAt",
          "expiresAt",
          "active"
        ],
        "additionalProperties": false
      },
      "DecisionAnswer": {
        "type": "string",
        "enum": [
          "yes",
          "no",
          "not_yet",
          "error"
        ]
      },
      "GateDecision": {
        "type": "object",
        "description": "One `POST /gates/evaluate`: the question, its answer in one\nsentence, and every gate evaluated for it. `verdict` is the worst\neffective verdict of the gates (what an Argo Rollouts web metric\nreads); only `answer: yes` lets a deploy through.\n",
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "trigger": {
            "type": "string",
            "enum": [
              "ci",
              "schedule",
              "manual"
            ]
          },
          "requestedBy": {
            "type": "string"
          },
          "decidedAt": {
            "type": "string",
            "format": "date-time"
          },
          "answer": {
            "$ref": "#/components/schemas/DecisionAnswer"
          },
          "sentence": {
            "type": "string"
          },
          "askAgainAt": {
            "type": "string",
            "format": "date-time"
          },
          "verdict": {
            "$ref": "#/components/schemas/GateVerdict"
          },
          "evaluations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GateEvaluation"
            }
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "entityRef",
          "environment",
          "version",
          "trigger",
          "decidedAt",
          "answer",
          "sentence",
          "verdict",
          "evaluations",
          "problems"
        ],
        "additionalProperties": false
      },
      "GateDecisionSummary": {
        "type": "object",
        "description": "A decision in a list, its gates without their criteria.",
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "trigger": {
            "type": "string",
            "enum": [
              "ci",
              "schedule",
              "manual"
            ]
          },
          "requestedBy": {
            "type": "string"
          },
          "decidedAt": {
            "type": "string",
            "format": "date-time"
          },
          "answer": {
            "$ref": "#/components/schemas/DecisionAnswer"
          },
          "sentence": {
            "type": "string"
          },
          "askAgainAt": {
            "type": "string",
            "format": "date-time"
          },
          "verdict": {
            "$ref": "#/components/schemas/GateVerdict"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "gates": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "gateId": {
                  "type": "string"
                },
                "gateTitle": {
                  "type": "string"
                },
                "mode": {
                  "type": "string",
                  "enum": [
                    "enforce",
                    "warn-only",
                    "dry-run"
                  ]
                },
                "verdict": {
                  "$ref": "#/components/schemas/GateVerdict"
                },
                "effectiveVerdict": {
                  "$ref": "#/components/schemas/GateVerdict"
                },
                "score": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "override": {
                  "$ref": "#/components/schemas/GateOverride"
                }
              },
              "required": [
                "id",
                "gateId",
                "gateTitle",
                "mode",
                "verdict",
                "effectiveVerdict",
                "score"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "id",
          "entityRef",
          "environment",
          "version",
          "trigger",
          "decidedAt",
          "answer",
          "sentence",
          "verdict",
          "problems",
          "gates"
        ],
        "additionalProperties": false
      },
      "PinnedBaseline": {
        "type": "object",
        "description": "The evaluation a criterion compared with because it is pinned as its\ngate's baseline for the entity and environment.\n",
        "properties": {
          "evaluationId": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "evaluatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "pinnedBy": {
            "type": "string"
          },
          "pinnedAt": {
            "type": "string",
            "format": "date-time"
          },
          "decisionUrl": {
            "type": "string",
            "description": "The app page of its decision, when app.baseUrl is set."
          }
        },
        "required": [
          "evaluationId",
          "version",
          "evaluatedAt",
          "pinnedBy",
          "pinnedAt"
        ],
        "additionalProperties": false
      },
      "GateBaselinePin": {
        "type": "object",
        "description": "Who pinned the evaluation as its gate's baseline, and when.",
        "properties": {
          "pinnedBy": {
            "type": "string"
          },
          "pinnedAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "required": [
          "pinnedBy",
          "pinnedAt"
        ],
        "additionalProperties": false
      },
      "GateEvaluation": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "decisionId": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "gateTitle": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "trigger": {
            "type": "string",
            "enum": [
              "ci",
              "schedule",
              "manual"
            ]
          },
          "mode": {
            "type": "string",
            "enum": [
              "enforce",
              "warn-only",
              "dry-run"
            ]
          },
          "verdict": {
            "$ref": "#/components/schemas/GateVerdict"
          },
          "effectiveVerdict": {
            "$ref": "#/components/schemas/GateVerdict"
          },
          "score": {
            "type": [
              "number",
              "null"
            ]
          },
          "passPercent": {
            "type": "number"
          },
          "warningPercent": {
            "type": "number"
          },
          "criteria": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CriterionEvidence"
            }
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "override": {
            "$ref": "#/components/schemas/GateOverride"
          },
          "pin": {
            "$ref": "#/components/schemas/GateBaselinePin"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "gateId",
          "gateTitle",
          "entityRef",
          "environment",
          "version",
          "trigger",
          "mode",
          "verdict",
          "effectiveVerdict",
          "score",
          "passPercent",
          "warningPercent",
          "criteria",
          "startedAt",
          "finishedAt"
        ],
        "additionalProperties": false
      },
      "EffectivenessCounts": {
        "type": "object",
        "description": "Versions (entity, environment, version) by judgement and outcome. Each counts once, by its latest judgement in the period.",
        "properties": {
          "trueBlocks": {
            "type": "integer",
            "description": "Blocked, and the version turned out bad."
          },
          "falseBlocks": {
            "type": "integer",
            "description": "Blocked, yet the version shipped there and stayed good."
          },
          "misses": {
            "type": "integer",
            "description": "Passed, and the version was rolled back, failed or caused an incident."
          },
          "correctPasses": {
            "type": "integer",
            "description": "Passed, and the version stayed good."
          },
          "unknown": {
            "type": "integer",
            "description": "Judged, but never deployed there or the window is not over."
          },
          "errors": {
            "type": "integer",
            "description": "Every evaluation was an error; not a judgement of the version."
          }
        },
        "required": [
          "trueBlocks",
          "falseBlocks",
          "misses",
          "correctPasses",
          "unknown",
          "errors"
        ],
        "additionalProperties": false
      },
      "CriterionEffectiveness": {
        "type": "object",
        "properties": {
          "key": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "versions": {
            "type": "integer"
          },
          "counts": {
            "$ref": "#/components/schemas/EffectivenessCounts"
          },
          "sensitivity": {
            "type": [
              "number",
              "null"
            ],
            "description": "True blocks ÷ bad versions."
          },
          "specificity": {
            "type": [
              "number",
              "null"
            ],
            "description": "Correct passes ÷ good versions."
          },
          "noData": {
            "type": "integer",
            "description": "The criterion never had data for the version."
          }
        },
        "required": [
          "key",
          "source",
          "versions",
          "counts",
          "sensitivity",
          "specificity",
          "noData"
        ],
        "additionalProperties": false
      },
      "GateEffectiveness": {
        "type": "object",
        "description": "One gate by its recorded verdict (fail blocks; pass and warn pass), whatever its mode or overrides.",
        "properties": {
          "gateId": {
            "type": "string"
          },
          "gateTitle": {
            "type": "string"
          },
          "evaluations": {
            "type": "integer"
          },
          "versions": {
            "type": "integer"
          },
          "counts": {
            "$ref": "#/components/schemas/EffectivenessCounts"
          },
          "sensitivity": {
            "type": [
              "number",
              "null"
            ],
            "description": "True blocks ÷ bad versions."
          },
          "specificity": {
            "type": [
              "number",
              "null"
            ],
            "description": "Correct passes ÷ good versions."
          },
          "criteria": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CriterionEffectiveness"
            }
          }
        },
        "required": [
          "gateId",
          "gateTitle",
          "evaluations",
          "versions",
          "counts",
          "sensitivity",
          "specificity",
          "criteria"
        ],
        "additionalProperties": false
      },
      "FlakyCriterion": {
        "type": "object",
        "description": "A criterion that both passed and failed the same version in the same environment; flips counts changes between pass and fail in time order.",
        "properties": {
          "gateId": {
            "type": "string"
          },
          "criterionKey": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "evaluations": {
            "type": "integer"
          },
          "passes": {
            "type": "integer"
          },
          "fails": {
            "type": "integer"
          },
          "flips": {
            "type": "integer"
          },
          "lastEvaluatedAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "required": [
          "gateId",
          "criterionKey",
          "entityRef",
          "environment",
          "version",
          "evaluations",
          "passes",
          "fails",
          "flips",
          "lastEvaluatedAt"
        ],
        "additionalProperties": false
      },
      "TimelineGateDecision": {
        "type": "object",
        "description": "A gate decision as a timeline marker.",
        "properties": {
          "evaluationId": {
            "type": "string"
          },
          "gateId": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "verdict": {
            "$ref": "#/components/schemas/GateVerdict"
          },
          "mode": {
            "type": "string",
            "enum": [
              "enforce",
              "warn-only",
              "dry-run"
            ]
          },
          "decidedAt": {
            "type": "string",
            "format": "date-time"
          },
          "overriddenTo": {
            "description": "The verdict of the evaluation's latest override (expired or not); the recorded verdict never changes.",
            "$ref": "#/components/schemas/GateVerdict"
          }
        },
        "required": [
          "evaluationId",
          "gateId",
          "environment",
          "version",
          "verdict",
          "mode",
          "decidedAt"
        ],
        "additionalProperties": false
      },
      "DeliveryTimeline": {
        "type": "object",
        "description": "One entity's delivery on a time axis.",
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "lanes": {
            "type": "array",
            "description": "Every environment the entity ever deployed to, in promotion order.",
            "items": {
              "type": "string"
            }
          },
          "deployments": {
            "type": "array",
            "description": "Deployments started in the range, oldest first.",
            "items": {
              "$ref": "#/components/schemas/Deployment"
            }
          },
          "gateDecisions": {
            "type": "array",
            "description": "Gate decisions made in the range, oldest first.",
            "items": {
              "$ref": "#/components/schemas/TimelineGateDecision"
            }
          },
          "incidents": {
            "type": "array",
            "description": "Incidents open at some time in the range, oldest first.",
            "items": {
              "$ref": "#/components/schemas/Incident"
            }
          },
          "truncated": {
            "type": "boolean",
            "description": "A kind hit its row limit (2,000 deployments, 2,000 gate decisions, 500 incidents); the newest are kept."
          }
        },
        "required": [
          "entityRef",
          "from",
          "to",
          "lanes",
          "deployments",
          "gateDecisions",
          "incidents",
          "truncated"
        ],
        "additionalProperties": false
      },
      "EnvironmentState": {
        "type": "object",
        "description": "The version an environment runs now, and what production lacks compared with it.",
        "properties": {
          "environment": {
            "type": "string"
          },
          "current": {
            "type": "object",
            "description": "The latest succeeded deployment; absent when none ever succeeded.",
            "properties": {
              "version": {
                "type": "string"
              },
              "deploymentId": {
                "type": "string"
              },
              "deployedAt": {
                "type": "string",
                "format": "date-time"
              },
              "actor": {
                "type": "string"
              }
            },
            "required": [
              "version",
              "deploymentId",
              "deployedAt"
            ],
            "additionalProperties": false
          },
          "latestAttempt": {
            "type": "object",
            "description": "The newest deployment, when it is not the current one.",
            "properties": {
              "id": {
                "type": "string"
              },
              "version": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/DeploymentStatus"
              },
              "startedAt": {
                "type": "string",
                "format": "date-time"
              },
              "finishedAt": {
                "type": "string",
                "format": "date-time"
              }
            },
            "required": [
              "id",
              "version",
              "status",
              "startedAt"
            ],
            "additionalProperties": false
          },
          "aheadOfProduction": {
            "type": "object",
            "description": "Only for environments before production on the promotion path.",
            "properties": {
              "versionsAhead": {
                "type": "integer",
                "description": "Distinct versions deployed successfully here since production's current deployment, production's version not counted."
              },
              "changesAhead": {
                "type": "integer",
                "description": "Commits deployed successfully here that no successful production deployment brought."
              },
              "oldestWaitingSince": {
                "type": "string",
                "format": "date-time",
                "description": "When the oldest of those commits was first deployed here."
              }
            },
            "required": [
              "versionsAhead",
              "changesAhead"
            ],
            "additionalProperties": false
          }
        },
        "required": [
          "environment"
        ],
        "additionalProperties": false
      },
      "DeploymentView": {
        "type": "object",
        "properties": {
          "deployment": {
            "$ref": "#/components/schemas/Deployment"
          },
          "changes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Change"
            }
          },
          "pipelineRun": {
            "$ref": "#/components/schemas/PipelineRun"
          },
          "gateDecisions": {
            "type": "array",
            "description": "Evaluations for the same entity, environment and version, oldest first.",
            "items": {
              "$ref": "#/components/schemas/TimelineGateDecision"
            }
          },
          "incidents": {
            "type": "array",
            "description": "Incidents that name this deployment as their cause.",
            "items": {
              "$ref": "#/components/schemas/Incident"
            }
          }
        },
        "required": [
          "deployment",
          "changes",
          "gateDecisions",
          "incidents"
        ],
        "additionalProperties": false
      },
      "PathStep": {
        "oneOf": [
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "const": "pipelineRun"
              },
              "at": {
                "type": "string",
                "format": "date-time"
              },
              "pipelineRun": {
                "$ref": "#/components/schemas/PipelineRun"
              }
            },
            "required": [
              "kind",
              "at",
              "pipelineRun"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "const": "deployment"
              },
              "at": {
                "type": "string",
                "format": "date-time"
              },
              "deployment": {
                "$ref": "#/components/schemas/Deployment"
              },
              "gateDecisions": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TimelineGateDecision"
                }
              }
            },
            "required": [
              "kind",
              "at",
              "deployment",
              "gateDecisions"
            ],
            "additionalProperties": false
          }
        ]
      },
      "DurationPercentiles": {
        "type": "object",
        "description": "Nearest-rank percentiles of durations in seconds; null without data.",
        "properties": {
          "count": {
            "type": "integer"
          },
          "p50Seconds": {
            "type": [
              "number",
              "null"
            ]
          },
          "p95Seconds": {
            "type": [
              "number",
              "null"
            ]
          }
        },
        "required": [
          "count",
          "p50Seconds",
          "p95Seconds"
        ],
        "additionalProperties": false
      },
      "PipelineStats": {
        "type": "object",
        "properties": {
          "pipelineName": {
            "type": "string"
          },
          "runs": {
            "type": "integer"
          },
          "failed": {
            "type": "integer",
            "description": "Runs with a result of failure, error or timeout."
          },
          "failureRate": {
            "type": [
              "number",
              "null"
            ],
            "description": "failed ÷ finished runs (runs with a result)."
          },
          "duration": {
            "$ref": "#/components/schemas/DurationPercentiles"
          },
          "queue": {
            "$ref": "#/components/schemas/DurationPercentiles"
          },
          "periods": {
            "type": "array",
            "description": "Every week (from its Monday, UTC) of the range, empty ones included.",
            "items": {
              "type": "object",
              "properties": {
                "periodStart": {
                  "type": "string",
                  "format": "date-time"
                },
                "runs": {
                  "type": "integer"
                },
                "failed": {
                  "type": "integer"
                },
                "failureRate": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "duration": {
                  "$ref": "#/components/schemas/DurationPercentiles"
                },
                "queue": {
                  "$ref": "#/components/schemas/DurationPercentiles"
                }
              },
              "required": [
                "periodStart",
                "runs",
                "failed",
                "failureRate",
                "duration",
                "queue"
              ],
              "additionalProperties": false
            }
          },
          "tasks": {
            "type": "array",
            "description": "CI tasks (jobs, stages, steps) from the spans of the runs, by name.",
            "items": {
              "type": "object",
              "properties": {
                "taskName": {
                  "type": "string"
                },
                "taskType": {
                  "type": "string"
                },
                "duration": {
                  "$ref": "#/components/schemas/DurationPercentiles"
                },
                "failed": {
                  "type": "integer"
                },
                "periods": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "periodStart": {
                        "type": "string",
                        "format": "date-time"
                      },
                      "duration": {
                        "$ref": "#/components/schemas/DurationPercentiles"
                      }
                    },
                    "required": [
                      "periodStart",
                      "duration"
                    ],
                    "additionalProperties": false
                  }
                }
              },
              "required": [
                "taskName",
                "duration",
                "failed",
                "periods"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "pipelineName",
          "runs",
          "failed",
          "failureRate",
          "duration",
          "queue",
          "periods",
          "tasks"
        ],
        "additionalProperties": false
      }
    },
    "parameters": {
      "EntityRefQuery": {
        "name": "entityRef",
        "in": "query",
        "required": true,
        "description": "Entity reference, e.g. `component:default/checkout`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "ReadinessKindFilter": {
        "name": "kind",
        "in": "query",
        "schema": {
          "type": "string",
          "maxLength": 64
        }
      },
      "ReadinessLifecycleFilter": {
        "name": "lifecycle",
        "in": "query",
        "schema": {
          "type": "string",
          "maxLength": 64
        }
      },
      "ReadinessRollupGroup": {
        "name": "group",
        "in": "query",
        "description": "The components a group and its sub-groups own (unless `qualityGates.readiness.rollups.includeSubgroups` is false), e.g. `group:default/team-a`. Give exactly one of group, system.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "ReadinessRollupSystem": {
        "name": "system",
        "in": "query",
        "description": "The components of a system, e.g. `system:default/webshop`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "ReadinessOwnerFilter": {
        "name": "owner",
        "in": "query",
        "description": "Full owner ref, e.g. `group:default/team-a`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "ReadinessSystemFilter": {
        "name": "system",
        "in": "query",
        "description": "Full system ref, e.g. `system:default/webshop`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "ReadinessLevelFilter": {
        "name": "level",
        "in": "query",
        "description": "A level id, or `none` for entities that reached no level.",
        "schema": {
          "type": "string",
          "maxLength": 64
        }
      },
      "ReadinessFailingCheckFilter": {
        "name": "failingCheck",
        "in": "query",
        "description": "Only entities whose check with this id is failed, errored or not reported.",
        "schema": {
          "type": "string",
          "maxLength": 128
        }
      },
      "ReadinessSearch": {
        "name": "q",
        "in": "query",
        "description": "Part of the entity ref or title, case-insensitive.",
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "ReadinessSort": {
        "name": "sort",
        "in": "query",
        "schema": {
          "type": "string",
          "enum": [
            "entityRef",
            "kind",
            "lifecycle",
            "owner",
            "level",
            "score",
            "evaluatedAt",
            "firstSeenAt"
          ]
        }
      },
      "ReadinessOrder": {
        "name": "order",
        "in": "query",
        "schema": {
          "type": "string",
          "enum": [
            "asc",
            "desc"
          ],
          "default": "asc"
        }
      },
      "DoraEntityRef": {
        "name": "entityRef",
        "in": "query",
        "description": "One entity, e.g. `component:default/checkout`. Give exactly one of entityRef, group, system.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "DoraGroup": {
        "name": "group",
        "in": "query",
        "description": "The components a group and its sub-groups own (unless `qualityGates.dora.rollups.includeSubgroups` is false), e.g. `group:default/team-a`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "DoraSystem": {
        "name": "system",
        "in": "query",
        "description": "The components of a system, e.g. `system:default/webshop`.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "DoraFrom": {
        "name": "from",
        "in": "query",
        "description": "Start of the window (inclusive). Default for the metrics the day of the scope's first production deployment, at most 90 days before `to`; for the trend 12 weeks, for the details 90 days before `to`.",
        "schema": {
          "type": "string",
          "format": "date-time"
        }
      },
      "DoraTo": {
        "name": "to",
        "in": "query",
        "description": "End of the window (exclusive). Default now.",
        "schema": {
          "type": "string",
          "format": "date-time"
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, with a message that says what is wrong.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  },
  "paths": {
    "/v1/traces": {
      "post": {
        "operationId": "ReceiveOtlpTraces",
        "summary": "OTLP/HTTP trace receiver; point any OpenTelemetry exporter or Collector here.",
        "description": "Takes an OTLP `ExportTraceServiceRequest` as protobuf\n(`application/x-protobuf`) or OTLP JSON (`application/json`: hex trace\nand span ids, 64-bit integers as strings or numbers, enums as numbers\nor names), optionally `Content-Encoding: gzip` or `deflate`. The\nbody size limit (`qualityGates.ingest.maxBodySize`) applies after\ninflating. Exporter configuration: endpoint\n`<backend>/api/quality-gates/v1/traces`, header\n`Authorization: Bearer <static token>`.\n\nEvery valid span is stored, keyed by (trace id, span id): a\nredelivered span changes nothing. Invalid spans (ids of the wrong\nsize or all zero, missing times, end before start, unreadable\nfields) are rejected one by one and reported the OTLP way, as\n`partialSuccess` in a 200 answer; the valid ones are stored.\n\nCI pipeline runs are read from the spans through the OpenTelemetry\nCI/CD semantic conventions (`cicd.pipeline.*`, `vcs.*`), the Jenkins\nOpenTelemetry plugin's `ci.pipeline.*`/`git.*` and the Collector\nGitHub receiver's variants: a run's SERVER span (or a trace's root\nnaming a pipeline) becomes a pipeline run of source `otlp`, keyed by\npipeline name and run id (and attempt), or by trace id without a run\nid, and is written in the same transaction as the spans.\n\nEntities are resolved per resource: an explicit\n`backstage.entity_ref` resource attribute, else `service.name`, else\nthe GitHub repository of `vcs.repository.url.full`. Spans of unknown\nentities are kept, with the hint.\n\nAnswers are in the request's encoding; error answers to protobuf\nrequests are a protobuf `google.rpc.Status`.\n\nNeeds the `quality-gates.events.create` permission, checked before\nthe body is read (403).\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "Content-Encoding",
            "in": "header",
            "description": "`gzip` or `deflate` when the body is compressed.",
            "schema": {
              "type": "string",
              "enum": [
                "gzip",
                "deflate",
                "identity"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/x-protobuf": {
              "schema": {
                "type": "string",
                "format": "binary",
                "description": "A protobuf `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest`."
              }
            },
            "application/json": {
              "schema": {
                "type": "object",
                "description": "An `ExportTraceServiceRequest` in the OTLP JSON encoding.",
                "properties": {
                  "resourceSpans": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "resource": {
                          "type": "object",
                          "properties": {
                            "attributes": {
                              "type": "array",
                              "items": {
                                "type": "object"
                              }
                            }
                          }
                        },
                        "scopeSpans": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "properties": {
                              "spans": {
                                "type": "array",
                                "items": {
                                  "type": "object",
                                  "required": [
                                    "traceId",
                                    "spanId",
                                    "startTimeUnixNano",
                                    "endTimeUnixNano"
                                  ],
                                  "properties": {
                                    "traceId": {
                                      "type": "string",
                                      "pattern": "^[0-9a-fA-F]{32}$"
                                    },
                                    "spanId": {
                                      "type": "string",
                                      "pattern": "^[0-9a-fA-F]{16}$"
                                    },
                                    "parentSpanId": {
                                      "type": "string"
                                    },
                                    "name": {
                                      "type": "string"
                                    },
                                    "kind": {
                                      "oneOf": [
                                        {
                                          "type": "integer"
                                        },
                                        {
                                          "type": "string"
                                        }
                                      ]
                                    },
                                    "startTimeUnixNano": {
                                      "oneOf": [
                                        {
                                          "type": "string"
                                        },
                                        {
                                          "type": "integer"
                                        }
                                      ]
                                    },
                                    "endTimeUnixNano": {
                                      "oneOf": [
                                        {
                                          "type": "string"
                                        },
                                        {
                                          "type": "integer"
                                        }
                                      ]
                                    },
                                    "attributes": {
                                      "type": "array",
                                      "items": {
                                        "type": "object"
                                      }
                                    },
                                    "events": {
                                      "type": "array",
                                      "items": {
                                        "type": "object"
                                      }
                                    },
                                    "links": {
                                      "type": "array",
                                      "items": {
                                        "type": "object"
                                      }
                                    },
                                    "status": {
                                      "type": "object"
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Stored. An `ExportTraceServiceResponse`: empty when every span\nwas stored, else `partialSuccess` with the number of rejected\nspans and why (the first few, with where in the request).\n",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "partialSuccess": {
                      "type": "object",
                      "properties": {
                        "rejectedSpans": {
                          "type": "string",
                          "description": "int64, as the protobuf JSON mapping writes it."
                        },
                        "errorMessage": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "rejectedSpans",
                        "errorMessage"
                      ]
                    }
                  },
                  "additionalProperties": false
                }
              },
              "application/x-protobuf": {
                "schema": {
                  "type": "string",
                  "format": "binary",
                  "description": "A protobuf `ExportTraceServiceResponse`."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "415": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "503": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/entity/evaluate": {
      "post": {
        "operationId": "EvaluateEntityReadiness",
        "summary": "Evaluate one entity's checks now, store and return the result.",
        "description": "Needs the `quality-gates.readiness.evaluate` permission on the entity (403); an entity the caller cannot see is a 404.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's readiness after the evaluation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityReadiness"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluate": {
      "post": {
        "operationId": "EvaluateGates",
        "summary": "Can I deploy? Evaluate every gate that applies, store and answer.",
        "description": "Evaluates each gate that applies to the entity in the environment\n(central gates tightened by the component's own file), all criteria\nconcurrently under `qualityGates.gates.deadlineSeconds`, applies the\noverrides active for the entity, environment and version, and\nstores the answer as a decision. `answer` is `yes` only when every\nenforcing gate passes, warns or is overridden to pass; `sentence`\nsays why. `verdict` is the worst effective verdict of the gates. It\nfails closed: no gate, a broken definition, a provider error or the\ndeadline give `error`, never `yes`.\n\nNeeds the `quality-gates.gate.evaluate` permission on the entity\n(403); an entity the caller cannot see is a 404.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "entityRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "environment": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "version": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "trigger": {
                    "type": "string",
                    "enum": [
                      "ci",
                      "schedule",
                      "manual"
                    ],
                    "default": "ci"
                  }
                },
                "required": [
                  "entityRef",
                  "environment",
                  "version"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The stored decision and every gate's evaluation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateDecision"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/events/cdevents": {
      "post": {
        "operationId": "ReceiveCdEvents",
        "summary": "A CDEvents sink for CloudEvents over HTTP (structured, batch or binary mode).",
        "description": "Recorded CDEvent types, with any 0.x version of their schema (spec\nv0.4 and v0.5): `dev.cdevents.service.deployed|upgraded|rolledback`,\n`dev.cdevents.pipelinerun.finished`,\n`dev.cdevents.incident.reported|resolved`. Any other type is refused\nwith 400 naming these.\n\n- Structured mode: `Content-Type: application/cloudevents+json`, the\n  CDEvent in `data`. Batch mode: `application/cloudevents-batch+json`,\n  an array of up to 100 such events, recorded in order.\n- Binary mode: `ce-specversion`, `ce-id`, `ce-source`, `ce-type`\n  headers and the CDEvent as the `application/json` body.\n\nEvery event of a request is validated before anything is written;\neach is then recorded in its own transaction. An event already\nrecorded (same `context.source` and `context.id`) is answered with\n`duplicate: true` and changes nothing.\n\nA deployment's `externalId` (source `cdevents`) is\n`<subject.source>/<subject.id>/<environment.id>/<artifactId>`\n(`subject.source` defaults to `context.source`; `sha256:<hex>` of it\nwhen longer than 255). Its version is the purl's version. A\nrollback marks the deployment that ran before it `rolled_back`; with\nnone known, it is kept as its own `rolled_back` deployment of the\nartifact it went back to. An incident is keyed\n`<subject.source>/<subject.id>`, so `resolved` completes `reported`\nin any order; it names as its cause the deployment of the artifact\nit reports, when that deployment was running there at the time.\n\nNeeds the `quality-gates.events.create` permission, checked before\nthe body is read (403).\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "ce-specversion",
            "in": "header",
            "description": "Binary mode; `1.0`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "ce-id",
            "in": "header",
            "description": "Binary mode; the CDEvent's `context.id`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "ce-source",
            "in": "header",
            "description": "Binary mode; the CDEvent's `context.source`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "ce-type",
            "in": "header",
            "description": "Binary mode; the CDEvent's `context.type`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "ce-time",
            "in": "header",
            "description": "Binary mode; the CDEvent's `context.timestamp`.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/cloudevents+json": {
              "schema": {
                "type": "object",
                "description": "A CloudEvent 1.0 whose `data` is the CDEvent.",
                "properties": {
                  "specversion": {
                    "type": "string",
                    "enum": [
                      "1.0"
                    ]
                  },
                  "id": {
                    "type": "string"
                  },
                  "source": {
                    "type": "string"
                  },
                  "type": {
                    "type": "string"
                  },
                  "data": {
                    "type": "object"
                  }
                },
                "required": [
                  "specversion",
                  "id",
                  "source",
                  "type",
                  "data"
                ]
              }
            },
            "application/cloudevents-batch+json": {
              "schema": {
                "type": "array",
                "minItems": 1,
                "maxItems": 100,
                "items": {
                  "type": "object"
                }
              }
            },
            "application/json": {
              "schema": {
                "type": "object",
                "description": "Binary mode; the CDEvent (`context`, `subject`, `customData`).",
                "properties": {
                  "context": {
                    "type": "object"
                  },
                  "subject": {
                    "type": "object"
                  }
                },
                "required": [
                  "context",
                  "subject"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What each event did, in the order sent.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "events": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "id": {
                            "type": "string"
                          },
                          "source": {
                            "type": "string"
                          },
                          "type": {
                            "type": "string"
                          },
                          "duplicate": {
                            "type": "boolean",
                            "description": "Recorded before; nothing changed."
                          },
                          "deployment": {
                            "$ref": "#/components/schemas/IngestedRow"
                          },
                          "pipelineRun": {
                            "$ref": "#/components/schemas/IngestedRow"
                          },
                          "incident": {
                            "$ref": "#/components/schemas/IngestedRow"
                          },
                          "rolledBack": {
                            "$ref": "#/components/schemas/IngestedRow"
                          },
                          "note": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "id",
                          "source",
                          "type",
                          "duplicate"
                        ]
                      }
                    }
                  },
                  "required": [
                    "events"
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/incidents": {
      "get": {
        "operationId": "ListIncidents",
        "summary": "One entity's incidents, newest first.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": true,
            "description": "Entity reference, e.g. `component:default/checkout`.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "open",
            "in": "query",
            "description": "Only incidents not resolved yet.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "from",
            "in": "query",
            "description": "Only incidents opened at or after this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "description": "Only incidents opened before this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The incidents, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Incident"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "entityRef",
                    "items",
                    "totalCount"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "ReportIncidents",
        "summary": "Report incidents from a system that sends no CDEvents (source `api`).",
        "description": "One incident, or `{ \"items\": [...] }` of up to 500, validated whole\nand written in one transaction: one bad item stores nothing, and the\n400 lists every bad field by its path. Resending an `externalId`\nupdates that incident (e.g. to resolve it); the earliest `openedAt`\nis kept. `causedByDeployment` names a deployment of any source by its\nkey; unknown, it is stored as no cause.\n\nNeeds the `quality-gates.events.create` permission, checked before\nthe body is read (403).\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/IncidentInput"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 500,
                        "items": {
                          "$ref": "#/components/schemas/IncidentInput"
                        }
                      }
                    },
                    "required": [
                      "items"
                    ],
                    "additionalProperties": false
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What is stored for each incident sent.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestedItems"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/heartbeats": {
      "post": {
        "operationId": "ReportHeartbeats",
        "summary": "Report heartbeats, read by the `heartbeat` gate criterion (source `api`).",
        "description": "One heartbeat, or `{ \"items\": [...] }` of up to 500, validated whole\nand written in one transaction: one bad item stores nothing, and the\n400 lists every bad field by its path. CDEvents has no heartbeat\nevent, so this is the only way to send one.\n\nNeeds the `quality-gates.events.create` permission, checked before\nthe body is read (403).\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/HeartbeatInput"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 500,
                        "items": {
                          "$ref": "#/components/schemas/HeartbeatInput"
                        }
                      }
                    },
                    "required": [
                      "items"
                    ],
                    "additionalProperties": false
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What is stored for each heartbeat sent.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestedHeartbeats"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/webhooks/github": {
      "post": {
        "operationId": "ReceiveGitHubWebhook",
        "summary": "GitHub webhook deliveries; authenticated by their signature, not a Backstage token.",
        "description": "Point a repository or organization webhook here (content type `json`\nor `form`) with the secret configured as\n`qualityGates.github.webhookSecret`. Each delivery must carry\n`X-Hub-Signature-256`, the HMAC-SHA256 of the raw body made with that\nsecret (any one of a list, for rotation); without a configured secret\nevery delivery is refused with 503.\n\nRecorded events: `deployment` (created → in progress) and\n`deployment_status` (one deployment per GitHub deployment id, updated\nin place; `inactive` records nothing, since GitHub sets it on a\nsuperseded deployment and that is not a rollback), `workflow_run`\n(one pipeline run per run attempt), `push` (one change per commit) and\n`pull_request` (opened, reopened, synchronize, closed when merged).\nEntities are found by the repository's `github.com/project-slug`, or\nby `backstageEntityRef` in a deployment's payload (monorepos). Events\nwhose entity is unknown are kept with the hint. A redelivery (same\n`X-GitHub-Delivery`) writes nothing again.\n\n`deployment_protection_rule` (to a GitHub App that guards an\nenvironment) is answered 202 `evaluating`: the gates are evaluated\nfor the repository's entity, the environment and the deployed sha,\nand the App approves (pass, warn) or rejects (fail, error) through\nthe event's `deployment_callback_url`. A \"not yet\" answer (a soak,\ntoo little traffic yet) is not sent: the rule stays pending, the\ngates are asked again at the decision's `askAgainAt`, and the\nanswer goes when they decide, or a rejection after\n`qualityGates.github.deploymentProtection.maxPendingTime` (6 h). A callback URL outside the\nconfigured GitHub API is refused (400); no GitHub App configured for\nthe host: 503.\n",
        "security": [],
        "parameters": [
          {
            "name": "X-GitHub-Event",
            "in": "header",
            "required": true,
            "description": "The event name, e.g. `deployment_status`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "X-GitHub-Delivery",
            "in": "header",
            "description": "The delivery's GUID; kept by GitHub on redelivery.",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "X-Hub-Signature-256",
            "in": "header",
            "required": true,
            "description": "`sha256=` and the hex HMAC-SHA256 of the raw body.",
            "schema": {
              "type": "string",
              "pattern": "^sha256=[0-9a-fA-F]{64}$"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "description": "The event payload, as GitHub documents it.",
                "additionalProperties": true
              }
            },
            "application/x-www-form-urlencoded": {
              "schema": {
                "type": "object",
                "properties": {
                  "payload": {
                    "type": "string",
                    "description": "The event payload as a JSON string."
                  }
                },
                "required": [
                  "payload"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Recorded (`recorded`), recorded before (`duplicate`), or a `ping` answered (`pong`).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "recorded",
                        "duplicate",
                        "pong"
                      ]
                    },
                    "event": {
                      "type": "string"
                    },
                    "delivery": {
                      "type": "string"
                    },
                    "entityRef": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "The catalog entity, or null when none matched."
                    },
                    "entityHint": {
                      "type": "string",
                      "description": "What the event said about its entity."
                    },
                    "recorded": {
                      "type": "object",
                      "properties": {
                        "deployments": {
                          "type": "integer"
                        },
                        "changes": {
                          "type": "integer"
                        },
                        "pipelineRuns": {
                          "type": "integer"
                        }
                      },
                      "required": [
                        "deployments",
                        "changes",
                        "pipelineRuns"
                      ]
                    },
                    "message": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "status",
                    "event",
                    "message"
                  ]
                }
              }
            }
          },
          "202": {
            "description": "A valid delivery that records nothing: another event, action or state (`ignored`; the message names what is supported), or a deployment protection rule whose answer goes to its callback (`evaluating`).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ignored",
                        "evaluating"
                      ]
                    },
                    "event": {
                      "type": "string"
                    },
                    "delivery": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "status",
                    "event",
                    "message"
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "503": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "summary": "Liveness and database reachability; needs no credentials.",
        "security": [],
        "responses": {
          "200": {
            "description": "The plugin and its database answer.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    },
                    "database": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    },
                    "criterionSources": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "status",
                    "database",
                    "criterionSources"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments": {
      "get": {
        "operationId": "ListDeployments",
        "summary": "One entity's deployments, newest first, and the version each environment runs.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": true,
            "description": "Entity reference, e.g. `component:default/checkout`.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/DeploymentStatus"
            }
          },
          {
            "name": "from",
            "in": "query",
            "description": "Only deployments started at or after this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "description": "Only deployments started before this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The deployments, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Deployment"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    },
                    "currentVersions": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/EnvironmentVersion"
                      }
                    }
                  },
                  "required": [
                    "entityRef",
                    "items",
                    "totalCount",
                    "currentVersions"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "ReportDeployments",
        "summary": "Report deployments from a system that sends no CDEvents or webhooks (source `api`).",
        "description": "One deployment, or `{ \"items\": [...] }` of up to 500, validated whole\nand written in one transaction: one bad item stores nothing, and the\n400 lists every bad field by its path (e.g. `items.3.environment`).\nResending an `externalId` updates that deployment in place; a late\n`in_progress` never reopens a finished one.\n\nNeeds the `quality-gates.events.create` permission, checked before\nthe body is read (403).\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/DeploymentInput"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 500,
                        "items": {
                          "$ref": "#/components/schemas/DeploymentInput"
                        }
                      }
                    },
                    "required": [
                      "items"
                    ],
                    "additionalProperties": false
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What is stored for each deployment sent.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestedItems"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "413": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/pipeline-runs": {
      "get": {
        "operationId": "ListPipelineRuns",
        "summary": "One entity's CI/CD pipeline runs, newest first, with duration and queue time.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": true,
            "description": "Entity reference, e.g. `component:default/checkout`.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "pipelineName",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "result",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/PipelineResult"
            }
          },
          {
            "name": "sha",
            "in": "query",
            "description": "Only runs that built this head revision.",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "from",
            "in": "query",
            "description": "Only runs started at or after this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "description": "Only runs started before this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The runs, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PipelineRun"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "entityRef",
                    "items",
                    "totalCount"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/ingest/unresolved": {
      "get": {
        "operationId": "ListUnresolvedEvents",
        "summary": "Events kept for entities the catalog does not know, grouped by what they said about their entity (e.g. `service.name=checkout`), most recent first.",
        "description": "Unresolved events name no entity the catalog could filter by, so they are listed only to callers with the `quality-gates.events.create` permission (403 otherwise).",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Groups of unresolved events.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "kind": {
                            "type": "string",
                            "enum": [
                              "deployment",
                              "change",
                              "incident",
                              "pipeline_run"
                            ]
                          },
                          "entityHint": {
                            "type": "string"
                          },
                          "count": {
                            "type": "integer"
                          },
                          "lastSeenAt": {
                            "type": "string",
                            "format": "date-time"
                          }
                        },
                        "required": [
                          "kind",
                          "entityHint",
                          "count",
                          "lastSeenAt"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/traces/{traceId}": {
      "get": {
        "operationId": "GetTrace",
        "summary": "One trace's spans for a waterfall, ordered by start, each with its parent and depth, and the pipeline run the trace records, if any.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "traceId",
            "in": "path",
            "required": true,
            "description": "32 hexadecimal digits.",
            "schema": {
              "type": "string",
              "pattern": "^[0-9a-fA-F]{32}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The spans, ordered by start time.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "traceId": {
                      "type": "string"
                    },
                    "entityRef": {
                      "type": "string"
                    },
                    "spans": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TraceSpan"
                      }
                    }
                  },
                  "required": [
                    "traceId",
                    "spans"
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/checks": {
      "get": {
        "operationId": "ListReadinessChecks",
        "summary": "The readiness levels in order and every check that is in use.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "Levels and checks.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "levels": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessLevel"
                      }
                    },
                    "checks": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessCheckInfo"
                      }
                    }
                  },
                  "required": [
                    "levels",
                    "checks"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/entity": {
      "get": {
        "operationId": "GetEntityReadiness",
        "summary": "One entity's stored readiness, as of its last evaluation.",
        "description": "Reads stored results only; it never runs a check. An entity that was\nnever evaluated answers without `summary`, every check `not_reported`.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's readiness.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityReadiness"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/entity/history": {
      "get": {
        "operationId": "GetEntityReadinessHistory",
        "summary": "How one entity's readiness changed, oldest first.",
        "description": "A point is kept each time the level or a check's state changed.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          },
          {
            "name": "from",
            "in": "query",
            "description": "Only points at or after this time.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "description": "The newest this many points.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "History points, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "evaluatedAt": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "level": {
                            "type": [
                              "string",
                              "null"
                            ]
                          },
                          "score": {
                            "type": [
                              "integer",
                              "null"
                            ]
                          },
                          "counts": {
                            "$ref": "#/components/schemas/ReadinessStateCounts"
                          },
                          "states": {
                            "type": "object",
                            "additionalProperties": {
                              "type": "string"
                            }
                          }
                        },
                        "required": [
                          "evaluatedAt",
                          "level",
                          "score",
                          "counts",
                          "states"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "entityRef",
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/overview": {
      "get": {
        "operationId": "GetReadinessOverview",
        "summary": "Stored readiness of every evaluated entity, for the platform team.",
        "description": "New entities (`lifecycle: experimental`, or first seen within\n`qualityGates.readiness.newEntityDays`) come first unless `sort` is\ngiven. Reads stored results only.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ReadinessKindFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLifecycleFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessOwnerFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSystemFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLevelFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessFailingCheckFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSearch"
          },
          {
            "$ref": "#/components/parameters/ReadinessSort"
          },
          {
            "$ref": "#/components/parameters/ReadinessOrder"
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of summaries.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessSummary"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    },
                    "levels": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessLevel"
                      }
                    },
                    "facets": {
                      "type": "object",
                      "properties": {
                        "kinds": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "lifecycles": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "owners": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "systems": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        }
                      },
                      "required": [
                        "kinds",
                        "lifecycles",
                        "owners",
                        "systems"
                      ],
                      "additionalProperties": false
                    }
                  },
                  "required": [
                    "items",
                    "totalCount",
                    "levels",
                    "facets"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/rollup": {
      "get": {
        "operationId": "GetReadinessRollup",
        "summary": "Stored readiness of a group's or a system's components.",
        "description": "The components a group owns (with its sub-groups', see\n`qualityGates.readiness.rollups.includeSubgroups`) or a system holds,\nas the catalog lists them for the caller: components the caller\ncannot see are neither counted nor listed. Reads stored results only;\ncomponents without one count as not evaluated.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ReadinessRollupGroup"
          },
          {
            "$ref": "#/components/parameters/ReadinessRollupSystem"
          },
          {
            "name": "worstChecks",
            "in": "query",
            "description": "How many of the checks failing for the most components to list.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 100,
              "default": 5
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The distribution, the worst checks and one row per component.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "scope": {
                      "type": "object",
                      "properties": {
                        "kind": {
                          "type": "string",
                          "enum": [
                            "group",
                            "system"
                          ]
                        },
                        "ref": {
                          "type": "string"
                        },
                        "includesSubgroups": {
                          "type": "boolean"
                        }
                      },
                      "required": [
                        "kind",
                        "ref",
                        "includesSubgroups"
                      ],
                      "additionalProperties": false
                    },
                    "levels": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessLevel"
                      }
                    },
                    "distribution": {
                      "$ref": "#/components/schemas/ReadinessLevelDistribution"
                    },
                    "worstChecks": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessFailingCheck"
                      }
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "evaluated": {
                            "type": "boolean"
                          },
                          "level": {
                            "type": "string",
                            "nullable": true
                          },
                          "score": {
                            "type": "number",
                            "nullable": true
                          },
                          "failingChecks": {
                            "type": "array",
                            "items": {
                              "type": "string"
                            }
                          }
                        },
                        "required": [
                          "entityRef",
                          "evaluated",
                          "level",
                          "score",
                          "failingChecks"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "scope",
                    "levels",
                    "distribution",
                    "worstChecks",
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/overview/groups": {
      "get": {
        "operationId": "GetReadinessOverviewGroups",
        "summary": "The overview's stored results grouped by owner or system.",
        "description": "Per owner or system (as stored with the results; entities without\none form the group with `ref: null`, listed last): how many entities\nare at each level and the check failing for the most of them. Takes\nthe overview's filters and, like it, counts only entities the caller\ncan see.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "groupBy",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "owner",
                "system"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/ReadinessKindFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLifecycleFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessOwnerFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSystemFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLevelFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessFailingCheckFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSearch"
          }
        ],
        "responses": {
          "200": {
            "description": "One entry per owner or system.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "groupBy": {
                      "type": "string",
                      "enum": [
                        "owner",
                        "system"
                      ]
                    },
                    "levels": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessLevel"
                      }
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "ref": {
                            "type": "string",
                            "nullable": true
                          },
                          "distribution": {
                            "$ref": "#/components/schemas/ReadinessLevelDistribution"
                          },
                          "worstCheck": {
                            "$ref": "#/components/schemas/ReadinessFailingCheck"
                          }
                        },
                        "required": [
                          "ref",
                          "distribution"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "groupBy",
                    "levels",
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/overview/export": {
      "get": {
        "operationId": "ExportReadinessOverview",
        "summary": "The overview, filtered and sorted the same way, as CSV.",
        "description": "Every matching row (no paging), one column per check state.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/ReadinessKindFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLifecycleFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessOwnerFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSystemFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessLevelFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessFailingCheckFilter"
          },
          {
            "$ref": "#/components/parameters/ReadinessSearch"
          },
          {
            "$ref": "#/components/parameters/ReadinessSort"
          },
          {
            "$ref": "#/components/parameters/ReadinessOrder"
          }
        ],
        "responses": {
          "200": {
            "description": "RFC 4180 CSV with a header row.",
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/exemptions": {
      "get": {
        "operationId": "ListReadinessExemptions",
        "summary": "Exemptions, newest first, revoked and expired ones included.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "description": "Only this entity's exemptions.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "active",
            "in": "query",
            "description": "Only exemptions in force now.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The exemptions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessExemption"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateReadinessExemption",
        "summary": "Exempt one entity from one check until a date.",
        "description": "Needs the `quality-gates.readiness.exemption.create` permission. The\nentity is re-evaluated so the exemption shows at once. An exemption\nalready in force for the same entity and check is answered with 409.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "entityRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "checkId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 128
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000,
                    "description": "Why the entity is exempt; at least 10 characters."
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "In the future, at most `qualityGates.readiness.maxExemptionDays` ahead."
                  }
                },
                "required": [
                  "entityRef",
                  "checkId",
                  "reason",
                  "expiresAt"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessExemption"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/readiness/exemptions/{exemptionId}/revoke": {
      "post": {
        "operationId": "RevokeReadinessExemption",
        "summary": "End an exemption now; it stays in the audit trail.",
        "description": "Needs the `quality-gates.readiness.exemption.revoke` permission.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "exemptionId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The revoked exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadinessExemption"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/dora/metrics": {
      "get": {
        "operationId": "GetDoraMetrics",
        "summary": "The five DORA metrics of an entity, a group's or a system's components.",
        "description": "Computed by the database over the window and the window of the same\nlength before it. Which environments count as production and the band\nthresholds come from `qualityGates.dora`.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/DoraEntityRef"
          },
          {
            "$ref": "#/components/parameters/DoraGroup"
          },
          {
            "$ref": "#/components/parameters/DoraSystem"
          },
          {
            "$ref": "#/components/parameters/DoraFrom"
          },
          {
            "$ref": "#/components/parameters/DoraTo"
          }
        ],
        "responses": {
          "200": {
            "description": "The figures.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "scope": {
                      "$ref": "#/components/schemas/DoraScope"
                    },
                    "environments": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "window": {
                      "type": "object",
                      "properties": {
                        "from": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "to": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "days": {
                          "type": "number"
                        }
                      },
                      "required": [
                        "from",
                        "to",
                        "days"
                      ],
                      "additionalProperties": false
                    },
                    "current": {
                      "$ref": "#/components/schemas/DoraFigures"
                    },
                    "previous": {
                      "$ref": "#/components/schemas/DoraFigures"
                    },
                    "thresholds": {
                      "type": "object",
                      "properties": {
                        "deploymentFrequencyPerDay": {
                          "$ref": "#/components/schemas/DoraBounds"
                        },
                        "leadTimeSeconds": {
                          "$ref": "#/components/schemas/DoraBounds"
                        },
                        "changeFailureRate": {
                          "$ref": "#/components/schemas/DoraBounds"
                        },
                        "recoveryTimeSeconds": {
                          "$ref": "#/components/schemas/DoraBounds"
                        },
                        "reworkRate": {
                          "oneOf": [
                            {
                              "$ref": "#/components/schemas/DoraBounds"
                            },
                            {
                              "type": "null"
                            }
                          ]
                        }
                      },
                      "required": [
                        "deploymentFrequencyPerDay",
                        "leadTimeSeconds",
                        "changeFailureRate",
                        "recoveryTimeSeconds",
                        "reworkRate"
                      ],
                      "additionalProperties": false
                    }
                  },
                  "required": [
                    "scope",
                    "environments",
                    "window",
                    "current",
                    "previous",
                    "thresholds"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/dora/trend": {
      "get": {
        "operationId": "GetDoraTrend",
        "summary": "The DORA metrics per ISO week (Monday 00:00 UTC), oldest first.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/DoraEntityRef"
          },
          {
            "$ref": "#/components/parameters/DoraGroup"
          },
          {
            "$ref": "#/components/parameters/DoraSystem"
          },
          {
            "$ref": "#/components/parameters/DoraFrom"
          },
          {
            "$ref": "#/components/parameters/DoraTo"
          }
        ],
        "responses": {
          "200": {
            "description": "One point per week of the window, weeks without deployments included.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "scope": {
                      "$ref": "#/components/schemas/DoraScope"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "weekStart": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "deployments": {
                            "type": "integer"
                          },
                          "leadTimeMedianSeconds": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "changeFailureRate": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "recoveryMedianSeconds": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "reworkRate": {
                            "type": [
                              "number",
                              "null"
                            ]
                          }
                        },
                        "required": [
                          "weekStart",
                          "deployments",
                          "leadTimeMedianSeconds",
                          "changeFailureRate",
                          "recoveryMedianSeconds",
                          "reworkRate"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "scope",
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/dora/details": {
      "get": {
        "operationId": "GetDoraDetails",
        "summary": "The deployments, changes or incidents behind one figure.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/DoraEntityRef"
          },
          {
            "$ref": "#/components/parameters/DoraGroup"
          },
          {
            "$ref": "#/components/parameters/DoraSystem"
          },
          {
            "$ref": "#/components/parameters/DoraFrom"
          },
          {
            "$ref": "#/components/parameters/DoraTo"
          },
          {
            "name": "metric",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "deploymentFrequency",
                "leadTime",
                "changeFailureRate",
                "recoveryTime",
                "reworkRate"
              ]
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 100
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The rows, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "scope": {
                      "$ref": "#/components/schemas/DoraScope"
                    },
                    "metric": {
                      "type": "string",
                      "enum": [
                        "deploymentFrequency",
                        "leadTime",
                        "changeFailureRate",
                        "recoveryTime",
                        "reworkRate"
                      ]
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "deploymentId": {
                            "type": "string"
                          },
                          "environment": {
                            "type": "string"
                          },
                          "version": {
                            "type": "string"
                          },
                          "status": {
                            "type": "string"
                          },
                          "deployedAt": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "reason": {
                            "type": "string"
                          },
                          "incidentId": {
                            "type": "string"
                          },
                          "incidentTitle": {
                            "type": "string"
                          },
                          "incidentExternalId": {
                            "type": "string"
                          },
                          "incidentUrl": {
                            "type": "string"
                          },
                          "sha": {
                            "type": "string"
                          },
                          "repository": {
                            "type": "string"
                          },
                          "changeUrl": {
                            "type": "string"
                          },
                          "committedAt": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "durationSeconds": {
                            "type": "number"
                          },
                          "startedAt": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "endedAt": {
                            "type": "string",
                            "format": "date-time"
                          }
                        },
                        "required": [
                          "entityRef"
                        ],
                        "additionalProperties": false
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "scope",
                    "metric",
                    "items",
                    "totalCount"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/catalog-columns": {
      "get": {
        "operationId": "GetCatalogColumns",
        "summary": "The catalog table's columns for a page of rows, in one request.",
        "description": "Each entity's readiness level and its newest gate decision in one\nenvironment. Entities the caller cannot see, like unknown ones, are\nleft out; so are fields an entity has no data for.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": true,
            "description": "An entity reference; repeat it for each row, at most 100.",
            "style": "form",
            "explode": true,
            "allowReserved": true,
            "schema": {
              "type": "array",
              "minItems": 1,
              "maxItems": 100,
              "items": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              }
            }
          },
          {
            "name": "environment",
            "in": "query",
            "description": "Whose decisions; absent means `production`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One item per visible entity, in the order asked.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "environment": {
                      "type": "string"
                    },
                    "levels": {
                      "type": "array",
                      "description": "The readiness levels in order; empty when readiness is off.",
                      "items": {
                        "$ref": "#/components/schemas/ReadinessLevel"
                      }
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "entityRef": {
                            "type": "string"
                          },
                          "readiness": {
                            "type": "object",
                            "properties": {
                              "level": {
                                "type": "string",
                                "nullable": true
                              },
                              "score": {
                                "type": "number",
                                "nullable": true
                              }
                            },
                            "required": [
                              "level",
                              "score"
                            ],
                            "additionalProperties": false
                          },
                          "decision": {
                            "type": "object",
                            "properties": {
                              "id": {
                                "type": "string"
                              },
                              "version": {
                                "type": "string"
                              },
                              "answer": {
                                "$ref": "#/components/schemas/DecisionAnswer"
                              },
                              "decidedAt": {
                                "type": "string",
                                "format": "date-time"
                              }
                            },
                            "required": [
                              "id",
                              "version",
                              "answer",
                              "decidedAt"
                            ],
                            "additionalProperties": false
                          }
                        },
                        "required": [
                          "entityRef"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "environment",
                    "levels",
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/decisions": {
      "get": {
        "operationId": "ListGateDecisions",
        "summary": "Stored decisions, newest first, as the caller may see them.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "owner",
            "in": "query",
            "description": "Only entities this group owns.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "gateId",
            "in": "query",
            "description": "Only decisions that evaluated this gate.",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "version",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "answer",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/DecisionAnswer"
            }
          },
          {
            "name": "from",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of decisions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateDecisionSummary"
                      }
                    },
                    "total": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "items",
                    "total"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/decisions/latest": {
      "get": {
        "operationId": "LatestGateDecisions",
        "summary": "The newest decision for a version in each environment, in promotion order.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          },
          {
            "name": "version",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "At most one decision per environment.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateDecision"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/decisions/{decisionId}": {
      "get": {
        "operationId": "GetGateDecision",
        "summary": "One decision with every gate's evidence.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "decisionId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The decision.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateDecision"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/decisions/{decisionId}/override": {
      "post": {
        "operationId": "OverrideGateDecision",
        "summary": "Override a decision's gate, or all its gates, for its entity, environment and version.",
        "description": "Needs the `quality-gates.gate.override` permission on the entity.\nThe scope is the decision's entity, environment and version, and\n`gateId` (absent: every gate). Audited.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "decisionId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "gateId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 64
                  },
                  "verdict": {
                    "type": "string",
                    "enum": [
                      "pass",
                      "fail"
                    ],
                    "default": "pass"
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "reason",
                  "expiresAt"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The override.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateOverride"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/overrides": {
      "get": {
        "operationId": "ListGateOverrides",
        "summary": "Overrides, newest first, of the entities the caller can see.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "version",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "active",
            "in": "query",
            "description": "Only those that apply now (true) or no longer (false).",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "At most 500 overrides.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateOverride"
                      }
                    }
                  },
                  "required": [
                    "items"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateGateOverride",
        "summary": "Override a gate (or every gate) for an entity, environment and version.",
        "description": "Needs the `quality-gates.gate.override` permission on the entity.\nUntil it expires or is revoked, every evaluation in the scope keeps\nits measured verdict and takes the override's as its effective\nverdict. `expiresAt` is at most `qualityGates.gates.maxOverrideDays`\nahead. Audited.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "entityRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "environment": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "version": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "gateId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 64
                  },
                  "verdict": {
                    "type": "string",
                    "enum": [
                      "pass",
                      "fail"
                    ],
                    "default": "pass"
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "entityRef",
                  "environment",
                  "version",
                  "reason",
                  "expiresAt"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The override.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateOverride"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/overrides/{overrideId}/revoke": {
      "post": {
        "operationId": "RevokeGateOverride",
        "summary": "End an override before it expires.",
        "description": "Needs the `quality-gates.gate.override.revoke` permission on the\nentity. Records who revoked it, when and why; later evaluations no\nlonger apply it, earlier ones keep the effective verdict it gave.\nAudited. Revoking twice is a 409.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "overrideId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000
                  }
                },
                "required": [
                  "reason"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The revoked override.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateOverride"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/candidates": {
      "get": {
        "operationId": "GateCandidates",
        "summary": "Environments in promotion order and the versions to ask about.",
        "description": "Environments the entity's gates apply to and those it was deployed\nto, in promotion order, each with the version it runs and the\ncandidate to ask about next (what the previous environment runs; for\nthe first, the newest version built). Versions seen in deployments,\npipeline runs and decisions, newest first, at most 50.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "Candidates.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "environments": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "environment": {
                            "type": "string"
                          },
                          "gated": {
                            "type": "boolean",
                            "description": "Whether a central gate applies to the entity\nhere. Without one nothing decides and the answer\nis no (fail closed), unless the component's own\ngate file adds a gate.\n"
                          },
                          "runningVersion": {
                            "type": "string"
                          },
                          "candidateVersion": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "environment",
                          "gated"
                        ],
                        "additionalProperties": false
                      }
                    },
                    "versions": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "version": {
                            "type": "string"
                          },
                          "at": {
                            "type": "string",
                            "format": "date-time"
                          },
                          "source": {
                            "type": "string",
                            "enum": [
                              "deployment",
                              "pipeline",
                              "decision"
                            ]
                          }
                        },
                        "required": [
                          "version",
                          "at",
                          "source"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "environments",
                    "versions"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations": {
      "get": {
        "operationId": "ListGateEvaluations",
        "summary": "Stored gate evaluations, newest first.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "owner",
            "in": "query",
            "description": "Only entities this group owns.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "gateId",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "verdict",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/GateVerdict"
            }
          },
          {
            "name": "overridden",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "from",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of evaluations.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateEvaluation"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "items",
                    "totalCount"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations/{evaluationId}": {
      "get": {
        "operationId": "GetGateEvaluation",
        "summary": "One evaluation with its full evidence.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "evaluationId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The evaluation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateEvaluation"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations/{evaluationId}/override": {
      "post": {
        "operationId": "OverrideGateEvaluation",
        "summary": "Override a verdict, with a reason and an expiry.",
        "description": "Needs the `quality-gates.gate.override` permission. The recorded\nverdict stays; the override is stored beside it and changes the\neffective verdict until it expires or is revoked, here and in every\nlater evaluation of the same gate, entity, environment and version.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "evaluationId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "verdict": {
                    "type": "string",
                    "enum": [
                      "pass",
                      "fail"
                    ]
                  },
                  "reason": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "verdict",
                  "reason",
                  "expiresAt"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The evaluation with its override.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateEvaluation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations/{evaluationId}/pin": {
      "post": {
        "operationId": "PinGateEvaluation",
        "summary": "Pin an evaluation as its gate's baseline.",
        "description": "Needs the `quality-gates.gate.baseline.pin` permission on the\nevaluation's entity. At most one evaluation per gate, entity and\nenvironment is pinned: this one replaces the one pinned before.\nCriteria with `baseline: { pinned: true }` compare with it, and\nretention keeps it.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "evaluationId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The evaluation with its pin.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateEvaluation"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations/{evaluationId}/unpin": {
      "post": {
        "operationId": "UnpinGateEvaluation",
        "summary": "Unpin an evaluation; retention judges it by age again.",
        "description": "Needs the `quality-gates.gate.baseline.pin` permission on the\nevaluation's entity. Unpinning one that is not pinned changes\nnothing.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "evaluationId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The evaluation, without a pin.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateEvaluation"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/effectiveness": {
      "get": {
        "operationId": "GetGateEffectiveness",
        "summary": "How often each gate and criterion judged versions right.",
        "description": "Per gate and per criterion over the evaluations of the period: true\nand false blocks, misses, correct passes, sensitivity and\nspecificity, and the criteria that flipped on the same version. A\nversion is bad when a deployment of it there failed or was rolled\nback, or an incident is tied to it (its explicit cause, or opened\nwithin `qualityGates.gates.effectiveness.window` after it was the\nlast successful deployment); see docs/gates.md.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "from",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "required": true,
            "description": "Exclusive; at most 731 days after from.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "gateId",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "owner",
            "in": "query",
            "description": "Only entities this group owns.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The figures of each gate evaluated in the period.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "from": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "to": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "windowSeconds": {
                      "type": "number"
                    },
                    "gates": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateEffectiveness"
                      }
                    },
                    "flaky": {
                      "type": "object",
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/FlakyCriterion"
                          }
                        },
                        "totalCount": {
                          "type": "integer"
                        },
                        "limit": {
                          "type": "integer"
                        }
                      },
                      "required": [
                        "items",
                        "totalCount",
                        "limit"
                      ],
                      "additionalProperties": false
                    }
                  },
                  "required": [
                    "from",
                    "to",
                    "windowSeconds",
                    "gates",
                    "flaky"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/status": {
      "get": {
        "operationId": "GetGateStatus",
        "summary": "The latest evaluation of each gate in each environment of an entity.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "Latest evaluations and a strip of recent verdicts.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "latest": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateEvaluation"
                      }
                    },
                    "recent": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "id": {
                            "type": "string"
                          },
                          "gateId": {
                            "type": "string"
                          },
                          "environment": {
                            "type": "string"
                          },
                          "verdict": {
                            "$ref": "#/components/schemas/GateVerdict"
                          },
                          "version": {
                            "type": "string"
                          },
                          "finishedAt": {
                            "type": "string",
                            "format": "date-time"
                          }
                        },
                        "required": [
                          "id",
                          "gateId",
                          "environment",
                          "verdict",
                          "version",
                          "finishedAt"
                        ],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": [
                    "entityRef",
                    "latest",
                    "recent"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/gates/evaluations/export": {
      "get": {
        "operationId": "ExportGateEvaluations",
        "summary": "The evaluation history, filtered like the list, as CSV.",
        "description": "Every matching evaluation (no paging), newest first.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "owner",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "gateId",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 64
            }
          },
          {
            "name": "environment",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "verdict",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/GateVerdict"
            }
          },
          {
            "name": "overridden",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "from",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "RFC 4180 CSV with a header row.",
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/timeline": {
      "get": {
        "operationId": "GetDeliveryTimeline",
        "summary": "One entity's deployments, gate decisions and incidents on a time axis, environments as lanes.",
        "description": "Lanes are every environment the entity ever deployed to, in promotion\norder. At most 2,000 deployments, 2,000 gate decisions and 500\nincidents are returned, the newest; `truncated` says when a kind was\ncut, so the caller can ask for a shorter range.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          },
          {
            "name": "from",
            "in": "query",
            "description": "Start of the range (inclusive). Default 30 days before `to`; the range may span at most 400 days.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "description": "End of the range (exclusive). Default now.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The timeline.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeliveryTimeline"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/environments": {
      "get": {
        "operationId": "GetEnvironmentStates",
        "summary": "What is where - the version each environment runs, and how far each environment before production is ahead of it.",
        "description": "Production is the entity's environment named in\n`qualityGates.dora.productionEnvironments` (the most recently deployed\nif several), else the last on the promotion path.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "Every environment of the entity, in promotion order.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "productionEnvironment": {
                      "type": "string"
                    },
                    "environments": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/EnvironmentState"
                      }
                    }
                  },
                  "required": [
                    "entityRef",
                    "environments"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments/{deploymentId}": {
      "get": {
        "operationId": "GetDeploymentView",
        "summary": "One deployment with its changes, its pipeline run, the gate decisions for its environment and version, and the incidents it caused.",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "name": "deploymentId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 36
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The deployment.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeploymentView"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/path-to-production": {
      "get": {
        "operationId": "GetPathToProduction",
        "summary": "Everything that happened to one commit or version, in time order, up to its production deployment.",
        "description": "Steps are the entity's pipeline runs that built the commit (and the\nruns that performed its deployments), and its deployments: of the\nversion, or bringing the commit (either key is matched both ways, as\nversions are often commit shas), each with the gate decisions for its\nenvironment and version. Give exactly one of `sha` and `version`.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          },
          {
            "name": "sha",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          },
          {
            "name": "version",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The path.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "sha": {
                      "type": "string"
                    },
                    "version": {
                      "type": "string"
                    },
                    "steps": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PathStep"
                      }
                    },
                    "reachedProduction": {
                      "type": "boolean",
                      "description": "Whether a production deployment of it succeeded."
                    },
                    "durationSeconds": {
                      "type": "number",
                      "description": "First CI run start to first successful production deployment, when both exist."
                    }
                  },
                  "required": [
                    "entityRef",
                    "steps",
                    "reachedProduction"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/pipelines/stats": {
      "get": {
        "operationId": "GetPipelineStats",
        "summary": "Each pipeline of an entity as a product - runs, failure rate, duration and queue time, over the range and per week, and the same for its CI tasks.",
        "description": "Computed by the database. Runs count in the range by their start;\npercentiles are nearest-rank. Tasks are the spans of the runs' traces\nthat name a CI task (`cicd.pipeline.task.name`); a task failed when\nits result is failure, error or timeout, or it names none and its\nspan status is error.\n",
        "security": [
          {
            "backstageToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/EntityRefQuery"
          },
          {
            "name": "pipelineName",
            "in": "query",
            "description": "Only this pipeline.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "from",
            "in": "query",
            "description": "Start of the range (inclusive). Default 90 days before `to`; the range may span at most 400 days.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "to",
            "in": "query",
            "description": "End of the range (exclusive). Default now.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The statistics, pipelines by name.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "from": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "to": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "pipelines": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/PipelineStats"
                      }
                    }
                  },
                  "required": [
                    "entityRef",
                    "from",
                    "to",
                    "pipelines"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  }
} as const;
