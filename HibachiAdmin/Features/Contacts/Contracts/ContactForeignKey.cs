using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>
/// How another feature's entity keeps a foreign key to a contact. The relationship is Contacts' to
/// configure (it knows its entity); the other feature holds only the key, never the <c>Contact</c> type.
/// </summary>
public static class ContactForeignKey
{
    /// <summary>Makes <paramref name="keyProperty"/> of <typeparamref name="TEntity"/> a foreign key to a contact, without a navigation.</summary>
    public static void HasContactForeignKey<TEntity>(this EntityTypeBuilder<TEntity> entity, string keyProperty, DeleteBehavior onDelete)
        where TEntity : class =>
        entity.HasOne(typeof(Contact), null).WithMany().HasForeignKey(keyProperty).OnDelete(onDelete);
}
