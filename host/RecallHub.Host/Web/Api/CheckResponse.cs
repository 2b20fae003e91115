namespace RecallHub.Host.Web.Api;
