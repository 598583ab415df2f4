using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RunStrong.Features.Common;

namespace RunStrong.Web.Api;

/// <summary>
/// The one place that turns errors a user caused into RFC 9457 ProblemDetails: 400 with the field named in
/// <c>errors</c>, or 404. That covers requests the API could not bind (bad JSON, a value of the wrong type, an unknown
/// field, a query value that does not parse; see <see cref="RequestProblems"/>) in every environment. Anything else is a
/// bug and falls through to the default handler (no stack trace outside Development).
/// </summary>
public sealed class UserInputExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            var (status, field, message) = await RequestProblems.DescribeAsync(httpContext, badRequest);
            httpContext.Response.StatusCode = status;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Title = status == StatusCodes.Status400BadRequest ? "The request has a bad value" : "The request was refused",
                    Detail = message,
                    Status = status,
                },
                Exception = exception,
            });
        }

        if (exception is not UserInputException input)
        {
            return false;
        }

        httpContext.Response.StatusCode = input.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        ProblemDetails problem = input.NotFound
            ? new ProblemDetails { Title = "Not found", Detail = input.Message, Status = 404 }
            : new HttpValidationProblemDetails(input.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [input.Field] = [input.Message] })
            {
                Title = "The request has a bad value",
                Detail = input.Message,
                Status = 400,
            };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
