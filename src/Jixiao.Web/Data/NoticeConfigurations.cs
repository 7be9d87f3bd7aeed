using Jixiao.Domain.Notices;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices");
        b.Property(n => n.RegionCode).HasMaxLength(6);
        b.Property(n => n.Kind).HasMaxLength(12);
        b.Property(n => n.Topic).HasMaxLength(16);
        b.Property(n => n.MailState).HasMaxLength(8);
        b.Property(n => n.Key).HasMaxLength(Notice.KeyLength);
        b.Property(n => n.Title).HasMaxLength(Notice.TitleLength);
        b.Property(n => n.Body).HasMaxLength(Notice.BodyLength);
        b.Property(n => n.Link).HasMaxLength(Notice.LinkLength);
        b.Property(n => n.MailError).HasMaxLength(500);
        // One notice per user and key: the deadline sweep may run on every node and again, and writes each notice once.
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        // The notice centre and the unread badge: a user's notices, newest first.
        b.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });
        // The mailer's queue.
        b.HasIndex(n => n.MailState);
    }
}
