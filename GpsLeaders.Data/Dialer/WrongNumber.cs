using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;

namespace GpsLeaders.Data.Dialer;

/// <summary>
/// A WRONG_NUMBER outcome flags the contact's phone. The fixed schema has no "wrong number" column, and phone_type only
/// takes mobile / landline / voip, so the flag is: phone_verified_at cleared, not SMS-eligible (we would text a stranger),
/// and a <c>contact.wrong_number</c> Activity holding the number. The dialer skips the contact while their phone is still
/// that number; correcting the phone on the contact ends the flag by itself.
/// </summary>
public static class WrongNumber
{
    public const string ActivityType = "contact.wrong_number";

    public static void Flag(CrmDbContext db, Contact contact, string? leadId, string actingUserId, DateTime nowUtc)
    {
        var phone = contact.PhoneE164 ?? contact.Phone;
        var before = new { contact.PhoneVerifiedAt, contact.IsSmsEligible };
        contact.PhoneVerifiedAt = null;
        contact.IsSmsEligible = false;
        db.Record(ActivityType, $"{PhoneDisplay.Format(phone)} marked as a wrong number for {ContactRules.DisplayName(contact)}.",
            new { phone, before, after = new { PhoneVerifiedAt = (DateTime?)null, IsSmsEligible = false } },
            userId: actingUserId, leadId: leadId, companyId: contact.CompanyId, contactId: contact.Id, occurredAt: nowUtc);
    }
}
