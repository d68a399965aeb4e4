from django.contrib import admin

from .models import Application, Company, Contact, Interview, SelfAssessment, StatusChange


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    search_fields = ("name", "owner__email")
    list_select_related = ("owner",)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "company", "owner")
    list_filter = ("kind",)
    search_fields = ("name", "email", "owner__email")
    list_select_related = ("company", "owner")


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("role", "company", "status", "owner", "updated_at")
    list_filter = ("status", "source")
    search_fields = ("role", "company__name", "owner__email")
    list_select_related = ("company", "owner")
    inlines = [StatusChangeInline]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ("application", "round_type", "starts_at")
    list_select_related = ("application__company",)


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ("interview", "confidence", "updated_at")
    list_select_related = ("interview__application__company",)
