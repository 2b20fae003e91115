namespace RecallHub.Host.Web.Api.Scans;

/// <summary>What is wrong with one scan of a batch.</summary>
/// <param name="Code">A stable code: the reader's (<c>GS1_CHECK_DIGIT</c>…) or the hub's (<c>SCAN_EMPTY</c>, <c>SCAN_NO_PRODUCT</c>, <c>SCAN_IN_FUTURE</c>).</param>
/// <param name="Position">Where in the code, from 0, when it is about a character.</param>
/// <param name="Message">What is wrong, in English, for the integrator.</param>
internal sealed record ScanResultProblem(string Code, int? Position, string Message);
