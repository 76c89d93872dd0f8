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
            "type": "string"
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
            "type": "string"
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
          "durationMicros",
          "status"
        ],
        "additionalProperties": false
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
        "description": "Takes an OTLP `ExportTraceServiceRequest` as protobuf\n(`application/x-protobuf`) or OTLP JSON (`application/json`: hex trace\nand span ids, 64-bit integers as strings or numbers, enums as numbers\nor names), optionally `Content-Encoding: gzip` or `deflate`. The\nbody size limit (`qualityGates.ingest.maxBodySize`) applies after\ninflating. Exporter configuration: endpoint\n`<backend>/api/quality-gates/v1/traces`, header\n`Authorization: Bearer <static token>`.\n\nEvery valid span is stored, keyed by (trace id, span id): a\nredelivered span changes nothing. Invalid spans (ids of the wrong\nsize or all zero, missing times, end before start, unreadable\nfields) are rejected one by one and reported the OTLP way, as\n`partialSuccess` in a 200 answer; the valid ones are stored.\n\nCI pipeline runs are read from the spans through the OpenTelemetry\nCI/CD semantic conventions (`cicd.pipeline.*`, `vcs.*`), the Jenkins\nOpenTelemetry plugin's `ci.pipeline.*`/`git.*` and the Collector\nGitHub receiver's variants: a run's SERVER span (or a trace's root\nnaming a pipeline) becomes a pipeline run of source `otlp`, keyed by\npipeline name and run id (and attempt), or by trace id without a run\nid, and is written in the same transaction as the spans.\n\nEntities are resolved per resource: an explicit\n`backstage.entity_ref` resource attribute, else `service.name`, else\nthe GitHub repository of `vcs.repository.url.full`. Spans of unknown\nentities are kept, with the hint.\n\nAnswers are in the request's encoding; error answers to protobuf\nrequests are a protobuf `google.rpc.Status`.\n",
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
    "/events/cdevents": {
      "post": {
        "operationId": "ReceiveCdEvents",
        "summary": "A CDEvents sink for CloudEvents over HTTP (structured, batch or binary mode).",
        "description": "Recorded CDEvent types, with any 0.x version of their schema (spec\nv0.4 and v0.5): `dev.cdevents.service.deployed|upgraded|rolledback`,\n`dev.cdevents.pipelinerun.finished`,\n`dev.cdevents.incident.reported|resolved`. Any other type is refused\nwith 400 naming these.\n\n- Structured mode: `Content-Type: application/cloudevents+json`, the\n  CDEvent in `data`. Batch mode: `application/cloudevents-batch+json`,\n  an array of up to 100 such events, recorded in order.\n- Binary mode: `ce-specversion`, `ce-id`, `ce-source`, `ce-type`\n  headers and the CDEvent as the `application/json` body.\n\nEvery event of a request is validated before anything is written;\neach is then recorded in its own transaction. An event already\nrecorded (same `context.source` and `context.id`) is answered with\n`duplicate: true` and changes nothing.\n\nA deployment's `externalId` (source `cdevents`) is\n`<subject.source>/<subject.id>/<environment.id>/<artifactId>`\n(`subject.source` defaults to `context.source`; `sha256:<hex>` of it\nwhen longer than 255). Its version is the purl's version. A\nrollback marks the deployment that ran before it `rolled_back`; with\nnone known, it is kept as its own `rolled_back` deployment of the\nartifact it went back to. An incident is keyed\n`<subject.source>/<subject.id>`, so `resolved` completes `reported`\nin any order; it names as its cause the deployment of the artifact\nit reports, when that deployment was running there at the time.\n",
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
        "description": "One incident, or `{ \"items\": [...] }` of up to 500, validated whole\nand written in one transaction: one bad item stores nothing, and the\n400 lists every bad field by its path. Resending an `externalId`\nupdates that incident (e.g. to resolve it); the earliest `openedAt`\nis kept. `causedByDeployment` names a deployment of any source by its\nkey; unknown, it is stored as no cause.\n",
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
        "description": "Point a repository or organization webhook here (content type `json`\nor `form`) with the secret configured as\n`qualityGates.github.webhookSecret`. Each delivery must carry\n`X-Hub-Signature-256`, the HMAC-SHA256 of the raw body made with that\nsecret (any one of a list, for rotation); without a configured secret\nevery delivery is refused with 503.\n\nRecorded events: `deployment` (created → in progress) and\n`deployment_status` (one deployment per GitHub deployment id, updated\nin place; `inactive` records nothing, since GitHub sets it on a\nsuperseded deployment and that is not a rollback), `workflow_run`\n(one pipeline run per run attempt), `push` (one change per commit) and\n`pull_request` (opened, reopened, synchronize, closed when merged).\nEntities are found by the repository's `github.com/project-slug`, or\nby `backstageEntityRef` in a deployment's payload (monorepos). Events\nwhose entity is unknown are kept with the hint. A redelivery (same\n`X-GitHub-Delivery`) writes nothing again.\n",
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
            "description": "A valid delivery that records nothing: another event, action or state. The message names what is supported.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ignored"
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
        "description": "One deployment, or `{ \"items\": [...] }` of up to 500, validated whole\nand written in one transaction: one bad item stores nothing, and the\n400 lists every bad field by its path (e.g. `items.3.environment`).\nResending an `externalId` updates that deployment in place; a late\n`in_progress` never reopens a finished one.\n",
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
    }
  }
} as const;
