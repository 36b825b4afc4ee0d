"""The sign-in and enrolment forms."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired

from app.text import clean_line


class SignInForm(FlaskForm):
    email = EmailField(
        "E-mail address",
        validators=[DataRequired(message="Enter your e-mail address")],
        filters=[clean_line],
    )
    # No maximum that would be shown: a password manager's long password is welcome.
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password")])
    code = StringField("Security code", filters=[clean_line])


class EnrolForm(FlaskForm):
    code = StringField(
        "Security code from your app",
        validators=[DataRequired(message="Enter the 6-digit code from your app")],
        filters=[clean_line],
    )
