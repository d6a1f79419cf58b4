namespace HibachiAdmin.Features.QrCodes;

/// <summary>QRCoder's error-correction levels: L 7%, M 15%, Q 25%, H 30% of the modules may be lost.</summary>
public enum QrErrorCorrection
{
    L,
    M,
    Q,
    H,
}
