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
      "name": "Apache-2.0"
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
    }
  }
} as const;
