namespace HibachiAdmin.Features.Bookings;

/// <param name="TellCustomer">
/// Staff chose to tell the customer (the calendar's "Tell the customer"): the saga schedules one text at the earliest
/// time the texting rules allow, sent through the SMS service (consent and opt-outs decided when it goes). Absent in
/// events written before it existed, which read as false: a payload grown by an optional field keeps its name.
/// </param>
public sealed record BookingRescheduled(DateOnly EventDate, TimeOnly? EventTime, bool TellCustomer = false);
