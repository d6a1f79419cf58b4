namespace HibachiAdmin.Features.QrCodes;

public enum QrCodeType
{
    Table,
    Flyer,
    BusinessCard,
    Vehicle,
    Event,
    Menu,
    Other,
}
