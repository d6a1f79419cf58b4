namespace HibachiAdmin.Common;

/// <summary>A value that cannot be written (e.g. an undeclared enum value read from a poisoned row).</summary>
public sealed class UnwritableValueException(string message) : InvalidOperationException(message);
