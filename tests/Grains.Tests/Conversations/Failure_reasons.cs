using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class Failure_reasons
{
    [Theory]
    [InlineData(131047, "More than 24 hours have passed since the customer last replied")]
    [InlineData(131026, "Message undeliverable: the number may not be on WhatsApp or has an outdated app")]
    [InlineData(130429, "Rate limit hit")]
    [InlineData(131056, "Too many messages to this customer")]
    [InlineData(131053, "The media could not be uploaded")]
    [InlineData(132001, "The template does not exist in this language or is not approved")]
    public void Meta_codes_have_a_human_explanation(int code, string expected)
    {
        Assert.StartsWith(expected, FailureReasons.Describe(new ProviderError(code, "provider title")));
    }

    [Fact]
    public void An_unlisted_template_code_is_a_template_problem_with_the_provider_title()
    {
        Assert.Equal("Template problem: Parameter format mismatch", FailureReasons.Describe(new ProviderError(132099, "Parameter format mismatch")));
    }

    [Fact]
    public void An_unknown_code_falls_back_to_the_provider_title()
    {
        Assert.Equal("Something new", FailureReasons.Describe(new ProviderError(999999, "Something new")));
    }

    [Fact]
    public void An_unknown_code_without_a_title_names_the_code()
    {
        Assert.Equal("The provider refused the message (error 999999).", FailureReasons.Describe(new ProviderError(999999, "")));
    }
}
