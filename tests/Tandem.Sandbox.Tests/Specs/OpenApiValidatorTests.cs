using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;

namespace Tandem.Sandbox.Tests.Specs;

public sealed class OpenApiValidatorTests
{
    private const string Spec = """
        openapi: 3.0.1
        paths:
          /things:
            get:
              parameters:
                - in: query
                  name: limit
                  required: true
                  schema:
                    type: integer
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        allOf:
                          - type: object
                            properties:
                              success:
                                type: boolean
                          - type: object
                            properties:
                              data:
                                type: array
                                items:
                                  $ref: '#/components/schemas/Thing'
            post:
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '201':
                  description: created
          /things/search:
            get:
              responses:
                '200':
                  description: no body
          /things/{id}:
            get:
              parameters:
                - in: path
                  name: id
                  required: true
                  schema:
                    type: integer
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Thing'
        components:
          schemas:
            Thing:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                colour:
                  type: string
                  nullable: true
                  enum: [red, blue]
                size:
                  type: integer
                extra:
                  type: object
                  additionalProperties: true
        """;

    private readonly OpenApiValidator validator = new OpenApiValidator().Mount("/api/", OpenApiDocument.Parse(Spec, "test.yaml"));

    [Fact]
    public void A_conforming_exchange_has_no_violation()
    {
        var violations = validator.Validate(Get("/api/things", [new("limit", "10")], 200, """{"success":true,"data":[{"name":"a","colour":null,"size":3,"extra":{"any":1}}]}"""));

        Assert.Empty(violations);
    }

    [Fact]
    public void Undeclared_and_mistyped_properties_missing_required_ones_wrong_enums_and_nulls_are_violations()
    {
        var violations = validator.Validate(Get("/api/things", [new("limit", "ten"), new("page", "2")], 200,
            """{"success":"yes","data":[{"colour":"green","size":null,"shoe":42}]}"""));

        Assert.Equal(
            [
                "GET /things query.limit: expected integer, got a string",
                "GET /things query.page: parameter is not declared",
                "GET /things response 200$.success: expected boolean, got a string",
                "GET /things response 200$.data[]: required property 'name' is missing",
                "GET /things response 200$.data[].colour: \"green\" is not one of the declared values",
                "GET /things response 200$.data[].size: null, but the schema is not nullable",
                "GET /things response 200$.data[]: property 'shoe' is not declared",
            ],
            violations);
    }

    [Fact]
    public void Unknown_operations_undeclared_statuses_and_missing_bodies_are_violations()
    {
        Assert.Equal(["DELETE /things: not an operation of test.yaml"], validator.Validate(Get("/api/things", [], 200, "{}") with { Method = "DELETE" }));
        Assert.Equal(["GET /things/{id} response 404: status is not declared"], validator.Validate(Get("/api/things/7", [], 404, "{}")));
        Assert.Equal(["GET /things/{id} path.id: expected integer, got a string"], validator.Validate(Get("/api/things/x", [], 200, """{"name":"x"}""")));
        Assert.Equal(["POST /things request: the body is required"], validator.Validate(Get("/api/things", [], 201, string.Empty) with { Method = "POST" }));
        Assert.Empty(validator.Validate(Get("/api/things/search", [], 200, string.Empty)));
    }

    [Fact]
    public void An_allowance_lets_its_pattern_through_and_nothing_else()
    {
        validator.Allow("GET /things response 200$.data[]: property 'shoe' is not declared", "test");

        validator.Observe(Get("/api/things", [new("limit", "1")], 200, """{"data":[{"name":"a","shoe":1,"hat":2}]}"""));

        Assert.Equal(["GET /things response 200$.data[]: property 'hat' is not declared"], validator.Violations);
    }

    [Fact]
    public void The_Pipedrive_and_Mailchimp_files_load_and_resolve_their_operations()
    {
        var v2 = OpenApiDocument.LoadSpec("pipedrive/openapi-v2.yaml");
        var v1 = OpenApiDocument.LoadSpec("pipedrive/openapi-v1.yaml");
        var mailchimp = OpenApiDocument.LoadSpec("mailchimp/marketing.openapi.json");

        Assert.Equal("/persons/search", v2.Find("GET", "/persons/search")?.Template);
        Assert.Equal("7", v2.Find("PATCH", "/persons/7")?.PathValues["id"]);
        Assert.NotNull(v1.Find("POST", "/webhooks"));
        Assert.Equal("/lists/{listId}/members/{subscriberHash}", mailchimp.Find("PUT", "/lists/abc/members/0123")?.Template);
    }

    private static SandboxExchange Get(string path, KeyValuePair<string, string>[] query, int status, string body) =>
        new("GET", path, query, "application/json", string.Empty, status, "application/json", body, Aborted: false);
}
