using System.Reflection;
using Microsoft.OpenApi;
using SearchApi.Security;

namespace SearchApi.OpenApi;

/// <summary>The OpenAPI document (at /swagger/v1/swagger.json) and the Swagger page (at /swagger).</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SearchApi",
                Version = "v1",
                Description =
                    "Full-text search over diplomatic statements and foreign-policy news in English and Russian: " +
                    "foreign-ministry statements, joint statements, press-conference transcripts and news-agency items. " +
                    "Words are matched in any grammatical form in both languages, and names across scripts and spellings. " +
                    "To search: open **Search**, press **Try it out**, pick an example or type your words in q, and press " +
                    "**Execute**. Errors are RFC 9457 problem documents (application/problem+json) with a stable code and " +
                    "the request's traceId. A simpler search page is at [/](/).\n\n" + Endpoints.QueryLanguage.Table,
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<QueryParameterFilter>();
            options.OperationFilter<ClosedSetsFilter>();
            options.OperationFilter<ExamplesOperationFilter>();
            options.OperationFilter<ExportResponsesFilter>();
            options.DocumentFilter<TagDescriptionsFilter>();
            options.DocumentFilter<ProblemSchemaFilter>();
            options.AddSecurityDefinition(ApiKeyOperationFilter.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyRing.Header,
                Description = "Writes and admin operations need an API key, sent in the X-Api-Key header. Keys are set by the operator in SearchApi:ApiKeys. Press Authorize and paste yours.",
            });
            options.OperationFilter<ApiKeyOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "SearchApi v1");
            options.DocumentTitle = "SearchApi — search diplomatic statements";
            // Journalists come to search: the form is open to typing, schemas stay out of the way.
            options.EnableTryItOutByDefault();
            options.DefaultModelsExpandDepth(-1);
            options.DisplayRequestDuration();
        });
        return app;
    }
}
