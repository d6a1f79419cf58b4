using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <param name="Source">Where the ask came from, e.g. "web-form", "staff", "csv-import".</param>
/// <param name="Evidence">What proves it: the form and page, time, network and the wording shown; a staff note; the file row.</param>
public sealed record OptInAsk(string Source, string? Evidence);
