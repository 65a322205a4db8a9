using Microsoft.AspNetCore.Identity;

namespace Switchboard.Api.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, without the rest of Identity.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<Passwords> hasher = new();

    public const int MinimumLength = 8;

    public string Hash(string password) => hasher.HashPassword(this, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(this, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
